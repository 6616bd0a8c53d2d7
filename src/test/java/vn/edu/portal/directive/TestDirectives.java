package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.DirectiveContent.RecipientChoice;

/**
 * Directives for tests of other modules: the sample letter drafted, or published to
 * chosen units.
 */
@Component
public class TestDirectives {

	private final DirectiveService directives;

	private final TestPeople people;

	TestDirectives(DirectiveService directives, TestPeople people) {
		this.directives = directives;
		this.people = people;
	}

	/** Drafts the sample letter of a test department, as its officer; answers its id. */
	public long draftSample(TestDepartment department) {
		DirectiveContent content = DemoDirectives.sampleLetter("UNIT:" + department.department);
		return this.directives.create(this.people.user(department.officer), content).getId();
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
		DirectiveContent content = DemoDirectives.sampleLetter("UNIT:" + department.department)
			.withRecipients(
					tokens.stream().map((token) -> new RecipientChoice(token, RecipientRole.IMPLEMENT)).toList());
		return publish(department, content, on);
	}

	/**
	 * Publishes the sample letter to the given units, asking for one report by a day, on
	 * its first and last tasks.
	 */
	public long publishWithReport(TestDepartment department, List<Long> units, LocalDate on, LocalDate reportDue) {
		DirectiveContent letter = DemoDirectives.sampleLetter("UNIT:" + department.department);
		List<DirectiveContent.Task> tasks = new java.util.ArrayList<>(letter.tasks());
		tasks.set(0, new DirectiveContent.Task(tasks.get(0).text(), true, null));
		tasks.set(4, new DirectiveContent.Task(tasks.get(4).text(), true, null));
		DirectiveContent content = new DirectiveContent(letter.type(), letter.authorityLine(), letter.issuerName(),
				letter.issuerAbbreviation(), letter.draftingAbbreviation(), letter.place(), letter.subject(),
				letter.opening(), tasks, letter.closing(), letter.urgency(), letter.references(), letter.signerPrefix(),
				letter.signerFor(), letter.signerPosition(), letter.signerName(),
				units.stream().map((unit) -> new RecipientChoice("UNIT:" + unit, RecipientRole.IMPLEMENT)).toList(),
				letter.addressees(), letter.otherRecipients(), letter.archiveLine(), null, ReportSchedule.ONCE,
				reportDue, null, letter.contactEmail(), letter.contactPhone(), false);
		return publish(department, content, on);
	}

	/** Publishes the sample letter as hỏa tốc to the given units, to implement. */
	public long publishFlashTo(TestDepartment department, List<Long> units, LocalDate on) {
		DirectiveContent letter = DemoDirectives.sampleLetter("UNIT:" + department.department);
		DirectiveContent content = new DirectiveContent(letter.type(), letter.authorityLine(), letter.issuerName(),
				letter.issuerAbbreviation(), letter.draftingAbbreviation(), letter.place(), letter.subject(),
				letter.opening(), letter.tasks(), letter.closing(), Urgency.FLASH, letter.references(),
				letter.signerPrefix(), letter.signerFor(), letter.signerPosition(), letter.signerName(),
				units.stream().map((unit) -> new RecipientChoice("UNIT:" + unit, RecipientRole.IMPLEMENT)).toList(),
				letter.addressees(), letter.otherRecipients(), letter.archiveLine(), null, ReportSchedule.NONE, null,
				null, letter.contactEmail(), letter.contactPhone(), false);
		return publish(department, content, on);
	}

	/**
	 * Amends a published directive of a test department to a new one-off report deadline.
	 */
	public void amendReportDue(TestDepartment department, long directiveId, LocalDate reportDue) {
		CurrentUser leader = this.people.user(department.leader);
		Directive directive = this.directives.get(leader, directiveId);
		DirectiveContent content = directive.content();
		DirectiveContent amended = new DirectiveContent(content.type(), content.authorityLine(), content.issuerName(),
				content.issuerAbbreviation(), content.draftingAbbreviation(), content.place(), content.subject(),
				content.opening(), content.tasks(), content.closing(), content.urgency(), content.references(),
				content.signerPrefix(), content.signerFor(), content.signerPosition(), content.signerName(),
				content.recipients(), content.addressees(), content.otherRecipients(), content.archiveLine(),
				content.acknowledgeBy(), content.reportSchedule(), reportDue, content.reportUntil(),
				content.contactEmail(), content.contactPhone(), content.forwardingRequired());
		this.directives.save(leader, directiveId, directive.getVersion(), amended, "Lùi hạn báo cáo.");
	}

	/** A draft of the sample letter by the department's officer, to the given units. */
	public long draft(TestDepartment department, List<Long> units) {
		return draftOf(department, units).getId();
	}

	/** The sample letter to the given units, submitted to the department's leader. */
	public long submitted(TestDepartment department, List<Long> units) {
		Directive directive = draftOf(department, units);
		this.directives.submit(this.people.user(department.officer), directive.getId(), directive.getVersion());
		return directive.getId();
	}

	private Directive draftOf(TestDepartment department, List<Long> units) {
		DirectiveContent content = DemoDirectives.sampleLetter("UNIT:" + department.department)
			.withRecipients(units.stream()
				.map((unit) -> new RecipientChoice("UNIT:" + unit, RecipientRole.IMPLEMENT))
				.toList());
		return this.directives.create(this.people.user(department.officer), content);
	}

	private long publish(TestDepartment department, DirectiveContent content, LocalDate on) {
		CurrentUser officer = this.people.user(department.officer);
		CurrentUser leader = this.people.user(department.leader);
		Directive directive = this.directives.create(officer, content);
		this.directives.submit(officer, directive.getId(), directive.getVersion());
		Directive submitted = this.directives.get(officer, directive.getId());
		return this.directives.publish(leader, directive.getId(), submitted.getVersion(), on).getId();
	}

}
