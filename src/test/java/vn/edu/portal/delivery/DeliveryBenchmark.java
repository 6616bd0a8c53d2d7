package vn.edu.portal.delivery;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): the delivery
 * tree of a directive sent to 1,500 units, and a school's inbox when 30 such directives
 * went to the whole province, timed as whole HTTP requests on 127.0.0.1 (server time plus
 * the loopback). Run by {@code bench/directives.sh}; prints the figures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeliveryBenchmark {

	private static final int UNITS = 1_500;

	private static final int DIRECTIVES = 30;

	private static final int WARM_UP = 10;

	private static final int RUNS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Test
	void deliveryTreeAndInboxOfAProvince() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		this.jdbc.sql("""
				insert into unit (code, name, type, parent_id, valid_from)
				select 'BENCH-' || :department || '-' || n, 'Trường thử ' || n, 'PRIMARY',
				       case when n % 2 = 0 then :one else :two end, date '2010-01-01'
				from generate_series(1, :count) as n
				""")
			.param("department", dept.department)
			.param("one", dept.districtOne)
			.param("two", dept.districtTwo)
			.param("count", UNITS - 7)
			.update();
		LocalDate today = this.formats.today();
		long directive = 0;
		for (int i = 0; i < DIRECTIVES; i++) {
			directive = this.directives.publishSample(dept, List.of("SUBTREE:" + dept.department), today);
		}
		long school = this.jdbc.sql("select id from unit where code = ?")
			.param("BENCH-" + dept.department + "-10")
			.query(Long.class)
			.single();
		PortalHttp leader = login(dept.leader);
		PortalHttp schoolLeader = login(this.people.account(school, Role.UNIT_LEADER));
		long last = directive;

		String tree = time("delivery tree of 1,501 recipients", () -> leader.get("/directives/" + last + "/delivery"));
		assertThat(tree).contains("Trường thử 10");
		String inbox = time("inbox of a school with 30 directives", () -> schoolLeader.get("/inbox"));
		assertThat(inbox).contains("30/SGD&amp;ĐT-CTTT");
	}

	private String time(String what, Supplier<HttpResponse<String>> request) {
		String body = null;
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < WARM_UP + RUNS; run++) {
			long start = System.nanoTime();
			HttpResponse<String> response = request.get();
			double elapsed = (System.nanoTime() - start) / 1_000_000.0;
			assertThat(response.statusCode()).isEqualTo(200);
			body = response.body();
			if (run >= WARM_UP) {
				millis.add(elapsed);
			}
		}
		List<Double> sorted = millis.stream().sorted().toList();
		System.out.printf("%n%s, %d requests: median %.1f ms, p95 %.1f ms, max %.1f ms%n%n", what, RUNS,
				sorted.get(RUNS / 2), sorted.get((int) Math.ceil(RUNS * 0.95) - 1), sorted.get(RUNS - 1));
		return body;
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

}
