package vn.edu.portal.incident;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRequestRepository extends JpaRepository<IncidentRequest, Long> {

	Optional<IncidentRequest> findByFormKey(UUID formKey);

	List<IncidentRequest> findByIncidentIdOrderBySentOnAscIdAsc(long incidentId);

}
