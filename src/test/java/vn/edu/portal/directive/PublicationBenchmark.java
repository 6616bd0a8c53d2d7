package vn.edu.portal.directive;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.DirectiveContent.RecipientChoice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): publishing one
 * directive to a province of 1,500 units, from the leader's click to the committed
 * number, recipients and assignments. Run by {@code bench/directives.sh}; prints the
 * figures.
 */
@SpringBootTest
class PublicationBenchmark {

	private static final int UNITS = 1_500;

	private static final int WARM_UP = 3;

	private static final int RUNS = 20;

	@Autowired
	DirectiveService directives;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Test
	void publishToAProvinceOf1500Units() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		this.jdbc.sql("""
				insert into unit (code, name, type, parent_id, valid_from)
				select 'BENCH-' || :department || '-' || n, 'Trường thử ' || n,
				       case n % 3 when 0 then 'PRIMARY' when 1 then 'LOWER_SECONDARY' else 'KINDERGARTEN' end,
				       case when n % 2 = 0 then :one else :two end, date '2010-01-01'
				from generate_series(1, :count) as n
				""")
			.param("department", dept.department)
			.param("one", dept.districtOne)
			.param("two", dept.districtTwo)
			.param("count", UNITS - 7)
			.update();
		CurrentUser officer = this.people.user(dept.officer);
		CurrentUser leader = this.people.user(dept.leader);
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < WARM_UP + RUNS; run++) {
			DirectiveContent content = DemoDirectives.sampleLetter("SUBTREE:" + dept.department)
				.withRecipients(List.of(new RecipientChoice("SUBTREE:" + dept.department, RecipientRole.IMPLEMENT)));
			Directive directive = this.directives.create(officer, content);
			this.directives.submit(officer, directive.getId(), directive.getVersion());
			long version = this.jdbc.sql("select version from directive where id = ?")
				.param(directive.getId())
				.query(Long.class)
				.single();
			long start = System.nanoTime();
			this.directives.publish(leader, directive.getId(), version, java.time.LocalDate.now());
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			if (run >= WARM_UP) {
				millis.add(elapsed);
			}
			assertThat(this.jdbc.sql("select count(*) from assignment where directive_id = ?")
				.param(directive.getId())
				.query(Integer.class)
				.single()).isEqualTo(UNITS + 1);
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf(
				"%nPublication to %,d units (recipients and assignments), %d runs: "
						+ "min %d ms, median %d ms, p95 %d ms, max %d ms%n%n",
				UNITS + 1, RUNS, sorted.get(0), sorted.get(RUNS / 2), sorted.get((int) Math.ceil(RUNS * 0.95) - 1),
				sorted.get(RUNS - 1));
	}

}
