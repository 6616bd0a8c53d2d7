package vn.edu.portal.delivery;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRepository extends JpaRepository<Report, Long> {

	Optional<Report> findByAssignmentIdAndPeriodDue(long assignmentId, LocalDate periodDue);

}
