package vn.edu.portal.account;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	@EntityGraph(attributePaths = "roles")
	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	@EntityGraph(attributePaths = "roles")
	Optional<Account> findWithRolesById(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(long id);

}
