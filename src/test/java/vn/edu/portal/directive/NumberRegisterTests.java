package vn.edu.portal.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class NumberRegisterTests {

	@Autowired
	NumberRegister register;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void numbersStartAtOneEachYearAndEachIssuerHasItsOwn() {
		long department = newIssuer();
		long division = newIssuer();

		assertThat(take(department, 2026)).isEqualTo(1);
		assertThat(take(department, 2026)).isEqualTo(2);
		assertThat(take(division, 2026)).isEqualTo(1);
		assertThat(take(department, 2027)).as("a new register on 1 January").isEqualTo(1);
		assertThat(take(department, 2026)).isEqualTo(3);
	}

	@Test
	void leadersPublishingAtTheSameMomentGetConsecutiveNumbersWithoutGapsOrRepeats() throws Exception {
		long issuer = newIssuer();
		int publications = 24;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> numbers = new ArrayList<>();
			for (int i = 0; i < publications; i++) {
				numbers.add(pool.submit(() -> {
					assertThat(start.await(1, TimeUnit.MINUTES)).as("all set off together").isTrue();
					return take(issuer, 2026);
				}));
			}
			start.countDown();
			List<Integer> taken = new ArrayList<>();
			for (Future<Integer> number : numbers) {
				taken.add(number.get(1, TimeUnit.MINUTES));
			}
			assertThat(taken).containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.rangeClosed(1, publications).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aPublicationThatFailsGivesItsNumberBack() {
		long issuer = newIssuer();
		take(issuer, 2026);

		try {
			this.transactions.executeWithoutResult((status) -> {
				assertThat(this.register.next(issuer, 2026)).isEqualTo(2);
				throw new IllegalStateException("the publication failed after taking its number");
			});
		}
		catch (IllegalStateException expected) {
			// The transaction rolled back.
		}

		assertThat(take(issuer, 2026)).isEqualTo(2);
	}

	@Test
	void aNumberIsTakenOnlyInsideThePublicationsTransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.register.next(newIssuer(), 2026));
	}

	private int take(long issuer, int year) {
		return this.transactions.execute((status) -> this.register.next(issuer, year));
	}

	private long newIssuer() {
		String code = "REG-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		return this.jdbc
			.sql("""
					insert into unit (code, name, type, valid_from) values (?, 'Sở thử sổ văn bản', 'DEPARTMENT', current_date)
					returning id
					""")
			.param(code)
			.query(Long.class)
			.single();
	}

}
