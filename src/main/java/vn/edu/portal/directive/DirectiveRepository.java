package vn.edu.portal.directive;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectiveRepository extends JpaRepository<Directive, Long> {

}
