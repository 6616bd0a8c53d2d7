package vn.edu.portal.directive;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectiveRepository extends JpaRepository<Directive, Long> {

	Optional<Directive> findByFormKey(UUID formKey);

}
