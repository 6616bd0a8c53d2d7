package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.DirectiveContent.RecipientChoice;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Publication as the database records it: gapless numbers under concurrent publication,
 * the register's order, the uniqueness constraint, and the audit trail.
 */
@SpringBootTest
class DirectivePublicationTests {

	@Autowired
	DirectiveService directives;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	TestPeople people;

	TestDepartment dept;

	CurrentUser officer;

	CurrentUser leader;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.officer = this.people.user(this.dept.officer);
		this.leader = this.people.user(this.dept.leader);
	}

	@Test
	void leadersPublishingAtTheSameMomentGetConsecutiveNumbersWithoutGapsOrRepeats() throws Exception {
		int count = 16;
		List<Directive> pending = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pending.add(pending());
		}
		CurrentUser secondLeader = this.people
			.user(this.people.account(this.dept.department, vn.edu.portal.account.Role.DEPARTMENT_LEADER));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> numbers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Directive directive = pending.get(i);
				CurrentUser publisher = (i % 2 == 0) ? this.leader : secondLeader;
				numbers.add(pool.submit(() -> {
					assertThat(start.await(1, TimeUnit.MINUTES)).as("all set off together").isTrue();
					return this.directives
						.publish(publisher, directive.getId(), version(directive.getId()), this.formats.today())
						.getNumber();
				}));
			}
			start.countDown();
			List<Integer> taken = new ArrayList<>();
			for (Future<Integer> number : numbers) {
				taken.add(number.get(1, TimeUnit.MINUTES));
			}
			assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc
			.sql("select count(*) from assignment a join directive d on d.id = a.directive_id "
					+ "where d.issuer_unit_id = ?")
			.param(this.dept.department)
			.query(Integer.class)
			.single()).as("every publication delivered to its 2 schools").isEqualTo(2 * count);
	}

	@Test
	void aRefusedPublicationGivesItsNumberBackAndLeavesNothingBehind() {
		Directive first = pending();
		this.directives.publish(this.leader, first.getId(), version(first.getId()), this.formats.today());
		Directive second = pending();

		assertThatExceptionOfType(DirectiveRefused.class)
			.isThrownBy(() -> this.directives.publish(this.leader, second.getId(), version(second.getId()),
					this.formats.today().minusDays(1)))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("directive.publish.beforeLast"));
		assertThat(status(second.getId())).isEqualTo("PENDING_APPROVAL");
		assertThat(this.jdbc.sql("select count(*) from directive_recipient where directive_id = ?")
			.param(second.getId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from assignment where directive_id = ?")
			.param(second.getId())
			.query(Integer.class)
			.single()).isZero();

		assertThat(this.directives.publish(this.leader, second.getId(), version(second.getId()), this.formats.today())
			.getNumber()).isEqualTo(2);
		Directive third = pending();
		assertThatExceptionOfType(DirectiveRefused.class)
			.isThrownBy(() -> this.directives.publish(this.leader, third.getId(), version(third.getId()),
					this.formats.today().plusDays(1)))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("directive.publish.future"));
	}

	@Test
	void theDatabaseRefusesTwoDocumentsWithOneNumberAndSymbolOfOneIssuerInAYear() {
		Directive directive = pending();
		this.directives.publish(this.leader, directive.getId(), version(directive.getId()), this.formats.today());
		Directive copy = pending();

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.sql("""
				update directive set status = 'PUBLISHED', number = 1, year = extract(year from current_date),
				       issued_on = current_date where id = ?
				""").param(copy.getId()).update());
	}

	@Test
	void theRegisterContinuesNumbersUsedOutsideThePortalButNeverGoesBack() {
		assertThat(this.directives.continueRegister(this.leader, 2020, 339)).isTrue();
		assertThat(this.directives.continueRegister(this.leader, 2020, 100)).isFalse();
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.directives.continueRegister(this.officer, 2020, 400));
		Directive directive = pending();
		assertThat(this.directives
			.publish(this.leader, directive.getId(), version(directive.getId()), LocalDate.of(2020, 2, 25))
			.numberAndSymbol()).isEqualTo("340/SGD&ĐT-CTTT");
	}

	@Test
	void everyLifecycleStepIsInTheAuditTrail() {
		Directive directive = pending();
		long id = directive.getId();
		this.directives.returnToDrafter(this.leader, id, version(id), "Bổ sung nơi nhận.");
		DirectiveContent content = this.directives.get(this.officer, id).content();
		this.directives.edit(this.officer, id, version(id), content);
		this.directives.submit(this.officer, id, version(id));
		this.directives.publish(this.leader, id, version(id), this.formats.today());
		this.directives.save(this.leader, id, version(id), content, "Sửa lỗi chính tả.");
		this.directives.recall(this.leader, id, version(id), "Ban hành nhầm.");
		Directive draft = this.directives.create(this.officer, content);
		this.directives.delete(this.officer, draft.getId(), version(draft.getId()));

		assertThat(actions("audit_event", "object_type = 'DIRECTIVE' and object_id = ?", String.valueOf(id)))
			.containsExactly("DIRECTIVE_CREATED", "DIRECTIVE_SUBMITTED", "DIRECTIVE_RETURNED", "DIRECTIVE_EDITED",
					"DIRECTIVE_SUBMITTED", "DIRECTIVE_PUBLISHED", "DIRECTIVE_AMENDED", "DIRECTIVE_RECALLED");
		assertThat(actions("audit_event", "object_type = 'DIRECTIVE' and object_id = ?", String.valueOf(draft.getId())))
			.containsExactly("DIRECTIVE_CREATED", "DIRECTIVE_DELETED");
		assertThat(actions("directive_history", "directive_id = ?", id)).containsExactly("CREATED", "SUBMITTED",
				"RETURNED", "EDITED", "SUBMITTED", "PUBLISHED", "AMENDED", "RECALLED");
	}

	@Test
	void aReferenceReachesOnlyDirectivesItsIssuerPublished() {
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		Directive foreign = this.directives.create(this.people.user(other.officer),
				DemoDirectives.sampleLetter("UNIT:" + other.department));
		DirectiveContent letter = DemoDirectives.sampleLetter("UNIT:" + this.dept.department);
		DirectiveContent pointing = letter
			.withReferences(List.of(new DirectiveContent.Reference(foreign.getId(), null, null)));

		assertThatExceptionOfType(DirectiveRefused.class)
			.isThrownBy(() -> this.directives.create(this.officer, pointing))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("directive.reference.unknown"));
	}

	private List<String> actions(String table, String condition, Object id) {
		return this.jdbc.sql("select action from " + table + " where " + condition + " order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	private Directive pending() {
		DirectiveContent content = DemoDirectives.sampleLetter("UNIT:" + this.dept.department)
			.withRecipients(List.of(new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT)));
		Directive directive = this.directives.create(this.officer, content);
		this.directives.submit(this.officer, directive.getId(), version(directive.getId()));
		return directive;
	}

	private long version(long id) {
		return this.jdbc.sql("select version from directive where id = ?").param(id).query(Long.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from directive where id = ?").param(id).query(String.class).single();
	}

}
