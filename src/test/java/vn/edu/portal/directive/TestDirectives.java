package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.DirectiveContent.RecipientChoice;

/** Published directives for tests of other modules: the sample letter to chosen units. */
@Component
public class TestDirectives {

	private final DirectiveService directives;

	private final TestPeople people;

	TestDirectives(DirectiveService directives, TestPeople people) {
		this.directives = directives;
		this.people = people;
	}

	/**
	 * Publishes the sample letter of a test department to the given units, to implement,
	 * requiring forwarding; answers the directive's id.
	 */
	public long publishSampleTo(TestDepartment department, List<Long> units, LocalDate on) {
		return publishSample(department, units.stream().map((unit) -> "UNIT:" + unit).toList(), on);
	}

	/**
	 * Publishes the sample letter to the units the picker tokens select, to implement.
	 */
	public long publishSample(TestDepartment department, List<String> tokens, LocalDate on) {
		CurrentUser officer = this.people.user(department.officer);
		CurrentUser leader = this.people.user(department.leader);
		DirectiveContent content = DemoDirectives.sampleLetter("UNIT:" + department.department)
			.withRecipients(
					tokens.stream().map((token) -> new RecipientChoice(token, RecipientRole.IMPLEMENT)).toList());
		Directive directive = this.directives.create(officer, content);
		this.directives.submit(officer, directive.getId(), directive.getVersion());
		Directive submitted = this.directives.get(officer, directive.getId());
		return this.directives.publish(leader, directive.getId(), submitted.getVersion(), on).getId();
	}

}
