package vn.edu.portal.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

	@EntityGraph(attributePaths = "roles")
	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

}
