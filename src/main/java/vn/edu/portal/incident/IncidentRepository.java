package vn.edu.portal.incident;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {

	Optional<Incident> findByFormKey(UUID formKey);

}
