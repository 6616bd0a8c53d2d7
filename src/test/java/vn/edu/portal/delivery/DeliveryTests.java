package vn.edu.portal.delivery;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
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
 * The sample letter walked through delivery: published to a district office and two
 * schools; the schools read and acknowledge (one late); the office forwards to its three
 * schools; the delivery tree shows every state and counts them right.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeliveryTests {

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

	TestDepartment dept;

	long schoolTwo;

	long schoolThree;

	long directive;

	@BeforeEach
	void publish() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.schoolTwo = this.dept.unit("THCS2", "Trường THCS Hai", "LOWER_SECONDARY", this.dept.districtOne);
		this.schoolThree = this.dept.unit("TH3", "Trường Tiểu học Ba", "PRIMARY", this.dept.districtOne);
		this.directive = this.directives.publishSampleTo(this.dept,
				List.of(this.dept.districtOne, this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo),
				this.formats.today());
	}

	@Test
	void theSampleLetterIsReadAcknowledgedForwardedAndTheTreeShowsIt() {
		PortalHttp school = login(this.dept.schoolLeader);
		Document inbox = Jsoup.parse(school.get("/inbox").body());
		assertThat(inbox.select("nav a[href='/inbox'] .badge").text()).as("unread in the menu").isEqualTo("1");
		assertThat(inbox.text()).contains("01/SGD&ĐT-CTTT", "V/v tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội",
				"Mới", "Xác nhận trước");
		long own = assignmentOf(this.dept.upperSecondaryOne);

		Document page = Jsoup.parse(school.get("/inbox/" + own).body());
		assertThat(page.text()).contains("Đã xem", "Xác nhận đã tiếp nhận");
		assertThat(this.jdbc.sql("select read_by is not null from assignment where id = ?")
			.param(own)
			.query(Boolean.class)
			.single()).as("the read receipt").isTrue();
		assertThat(PortalHttp.location(school.post("/inbox/" + own + "/acknowledge", Map.of())))
			.isEqualTo("/inbox/" + own);
		assertThat(Jsoup.parse(school.get("/inbox/" + own).body()).text()).contains("Đã xác nhận tiếp nhận.");
		school.post("/inbox/" + own + "/acknowledge", Map.of());
		assertThat(Jsoup.parse(school.get("/inbox/" + own).body()).text()).as("a double click changes nothing")
			.contains("Đơn vị đã xác nhận tiếp nhận văn bản này trước đó.");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'ASSIGNMENT_ACKNOWLEDGED' and object_id = ?")
			.param(String.valueOf(own))
			.query(Integer.class)
			.single()).isOne();

		long late = assignmentOf(this.dept.upperSecondaryTwo);
		this.jdbc.sql("update assignment set acknowledge_by = ? where id = ?")
			.params(this.formats.today().minusDays(7), late)
			.update();
		PortalHttp lateSchool = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		assertThat(Jsoup.parse(lateSchool.get("/inbox").body()).text()).contains("quá hạn");
		lateSchool.get("/inbox/" + late);
		lateSchool.post("/inbox/" + late + "/acknowledge", Map.of());
		assertThat(Jsoup.parse(lateSchool.get("/inbox/" + late).body()).text()).contains("(muộn)");

		PortalHttp district = login(this.dept.districtLeader);
		long office = assignmentOf(this.dept.districtOne);
		district.get("/inbox/" + office);
		HttpResponse<String> outside = district.post("/inbox/" + office + "/forward",
				Map.of("units[0]", "UNIT:" + this.dept.upperSecondaryOne, "instructions", "", "dueOn", ""));
		assertThat(Jsoup.parse(outside.body()).select("#units-error").text())
			.isEqualTo("Chọn ít nhất một đơn vị trực thuộc.");
		this.jdbc.sql("update assignment set due_on = ? where id = ?")
			.params(this.formats.today().plusDays(20), office)
			.update();
		HttpResponse<String> tooLate = district.post("/inbox/" + office + "/forward",
				Map.of("units[0]", "SUBTREE:" + this.dept.districtOne, "instructions", "Các trường triển khai ngay.",
						"dueOn", Formats.dayMonthYear(this.formats.today().plusDays(30))));
		Document tooLatePage = Jsoup.parse(tooLate.body());
		assertThat(tooLatePage.select("#dueOn-error").text()).isEqualTo("Hạn không được muộn hơn hạn của đơn vị mình.");
		assertThat(tooLatePage.select("#instructions").val()).isEqualTo("Các trường triển khai ngay.");
		assertThat(PortalHttp.location(district.post("/inbox/" + office + "/forward",
				Map.of("units[0]", "SUBTREE:" + this.dept.districtOne, "instructions", "Các trường triển khai ngay.",
						"dueOn", Formats.dayMonthYear(this.formats.today().plusDays(10))))))
			.isEqualTo("/inbox/" + office);
		assertThat(Jsoup.parse(district.get("/inbox/" + office).body()).text())
			.contains("Đã chuyển tiếp đến 3 đơn vị.");

		PortalHttp below = login(this.people.account(this.schoolTwo, Role.UNIT_LEADER));
		long forwarded = assignmentOf(this.schoolTwo);
		assertThat(Jsoup.parse(below.get("/inbox/" + forwarded).body()).text()).contains(
				"do Phòng GD&ĐT huyện Một chuyển tiếp", "Các trường triển khai ngay.",
				Formats.dayMonthYear(this.formats.today().plusDays(10)));
		assertThat(below.get("/directives/" + this.directive).statusCode())
			.as("a school the office forwarded to reads the directive")
			.isEqualTo(200);

		PortalHttp leader = login(this.dept.leader);
		Document tree = Jsoup.parse(leader.get("/directives/" + this.directive + "/delivery").body());
		assertThat(tree.select(".portal-counts dd").eachText()).containsExactly("6", "4", "3", "1", "0", "1");
		assertThat(tree.select("tbody tr").eachText()).hasSize(6);
		assertThat(tree.select("tbody tr td.portal-depth-1").eachText()).hasSize(3)
			.allMatch((cell) -> cell.contains("Trường"));
		assertThat(tree.text()).contains("Đã chuyển tiếp", "Muộn", "Đã tiếp nhận");
		Document unacknowledged = Jsoup
			.parse(leader.get("/directives/" + this.directive + "/delivery?show=UNACKNOWLEDGED").body());
		assertThat(unacknowledged.select("tbody tr")).hasSize(3);
		Document branch = Jsoup.parse(district.get("/directives/" + this.directive + "/delivery").body());
		assertThat(branch.select("tbody tr")).as("the office sees its own branch").hasSize(4);
	}

	@Test
	void aUnitActsOnlyOnItsOwnAssignmentsAndOnlyItsLeadersAct() {
		long own = assignmentOf(this.dept.upperSecondaryOne);
		long other = assignmentOf(this.dept.upperSecondaryTwo);
		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(school.get("/inbox/" + other).statusCode()).isEqualTo(404);
		school.get("/inbox");
		assertThat(school.post("/inbox/" + other + "/acknowledge", Map.of()).statusCode()).isEqualTo(404);

		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		assertThat(staff.get("/inbox/" + own).statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(staff.get("/inbox/" + own).body()).text()).doesNotContain("Xác nhận đã tiếp nhận");
		assertThat(staff.post("/inbox/" + own + "/acknowledge", Map.of()).statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select acknowledged_at is null from assignment where id = ?")
			.param(own)
			.query(Boolean.class)
			.single()).isTrue();

		PortalHttp otherDepartment = login(new TestDepartment(this.jdbc, this.people).leader);
		assertThat(otherDepartment.get("/directives/" + this.directive + "/delivery").statusCode()).isEqualTo(404);
	}

	@Test
	void aDirectiveSentToASchoolThatMergedSinceIsInItsSuccessorsInbox() {
		long merged = assignmentOf(this.dept.upperSecondaryTwo);
		this.jdbc.sql("update unit set valid_to = current_date, successor_id = ? where id = ?")
			.params(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.update();
		PortalHttp successor = login(this.dept.schoolLeader);

		assertThat(Jsoup.parse(successor.get("/inbox").body()).text())
			.contains("gửi Trường THPT Hai (nay đã sáp nhập vào đơn vị)");
		assertThat(successor.get("/inbox/" + merged).statusCode()).isEqualTo(200);
		successor.post("/inbox/" + merged + "/acknowledge", Map.of());
		assertThat(this.jdbc.sql("select acknowledged_at is not null from assignment where id = ?")
			.param(merged)
			.query(Boolean.class)
			.single()).isTrue();
		Document tree = Jsoup.parse(login(this.dept.leader).get("/directives/" + this.directive + "/delivery").body());
		assertThat(tree.text()).as("history keeps the unit it was sent to")
			.contains("Trường THPT Hai", "vào Trường THPT Một");
	}

	@Test
	void aDirectiveIsInTheListOfAUnitItReachedByMergerOrByForwardingAndOfNoOtherUnit() {
		String link = "a[href='/directives/" + this.directive + "']";
		PortalHttp two = login(this.people.account(this.schoolTwo, Role.UNIT_LEADER));
		PortalHttp three = login(this.people.account(this.schoolThree, Role.UNIT_LEADER));
		assertThat(Jsoup.parse(two.get("/directives").body()).select(link)).as("not sent to the school").isEmpty();
		assertThat(Jsoup.parse(three.get("/directives").body()).select(link)).isEmpty();
		assertThat(three.get("/directives/" + this.directive).statusCode()).isEqualTo(404);

		this.jdbc.sql("update unit set valid_to = current_date, successor_id = ? where id = ?")
			.params(this.schoolThree, this.dept.upperSecondaryTwo)
			.update();
		assertThat(Jsoup.parse(three.get("/directives").body()).select(link))
			.as("a recipient merged into the school since")
			.hasSize(1);
		assertThat(three.get("/directives/" + this.directive).statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(two.get("/directives").body()).select(link)).isEmpty();

		PortalHttp district = login(this.dept.districtLeader);
		long office = assignmentOf(this.dept.districtOne);
		district.get("/inbox/" + office);
		assertThat(PortalHttp.location(district.post("/inbox/" + office + "/forward",
				Map.of("units[0]", "UNIT:" + this.schoolTwo, "instructions", "", "dueOn", ""))))
			.isEqualTo("/inbox/" + office);
		assertThat(Jsoup.parse(two.get("/directives").body()).select(link)).as("forwarded to the school").hasSize(1);
		assertThat(Jsoup.parse(login(new TestDepartment(this.jdbc, this.people).leader).get("/directives").body())
			.select(link)).as("another Department").isEmpty();
	}

	/**
	 * The list of a reader at the top two levels of the tree (a Department, a district
	 * office, a school right under the Department) looks up what reached its units in the
	 * table the database keeps ({@code directive_reach}): the directive enters and leaves
	 * each such list, and opens or answers 404, as one of its recipients merges into a
	 * school of another Department and back, moves under another district office (of
	 * another Department or of its own) and back, or as it is forwarded to a school there
	 * and the forwarding removed; at every step the table is what the recipients, the
	 * assignments and the tree make.
	 */
	@Test
	void aDirectiveIsInTheListOfEveryUnitItReachedAndOfNoOtherThroughMovesAndMergers() {
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		Map<String, PortalHttp> readers = readersAtTheTop(other);
		readers.put("the issuer's second district office",
				login(this.people.account(this.dept.districtTwo, Role.UNIT_LEADER)));
		assertReachedBy(readers, "the issuer");

		this.jdbc.sql("update unit set valid_to = current_date, successor_id = ? where id = ?")
			.params(other.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.update();
		assertReachedBy(readers, "the issuer", "the other Department", "its school under the Department");
		this.jdbc.sql("update unit set valid_to = null, successor_id = null where id = ?")
			.param(this.dept.upperSecondaryTwo)
			.update();
		assertReachedBy(readers, "the issuer");

		long parent = this.jdbc.sql("select parent_id from unit where id = ?")
			.param(this.dept.upperSecondaryOne)
			.query(Long.class)
			.single();
		moveUnder(this.dept.upperSecondaryOne, other.districtOne);
		assertReachedBy(readers, "the issuer", "the other Department", "its district office");
		moveUnder(this.dept.upperSecondaryOne, this.dept.districtTwo);
		assertReachedBy(readers, "the issuer", "the issuer's second district office");
		moveUnder(this.dept.upperSecondaryOne, parent);
		assertReachedBy(readers, "the issuer");

		long office = assignmentOf(this.dept.districtOne);
		forwardByHand(other.schoolOfDistrictOne, office);
		assertReachedBy(readers, "the issuer", "the other Department", "its district office");
		this.jdbc.sql("delete from assignment where unit_id = ? and directive_id = ?")
			.params(other.schoolOfDistrictOne, this.directive)
			.update();
		assertReachedBy(readers, "the issuer");
	}

	/**
	 * The portal never changes or removes a recipient or a forwarded assignment, but an
	 * operator's correction by hand may: the table follows each such statement too.
	 */
	@Test
	void aRecipientOrAnAssignmentChangedOrRemovedByHandMovesTheDirectiveWithIt() {
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		Map<String, PortalHttp> readers = readersAtTheTop(other);

		this.jdbc.sql("update directive_recipient set unit_id = ? where directive_id = ? and unit_id = ?")
			.params(other.upperSecondaryOne, this.directive, this.dept.upperSecondaryTwo)
			.update();
		assertReachedBy(readers, "the issuer", "the other Department", "its school under the Department");
		this.jdbc.sql("delete from directive_recipient where directive_id = ? and unit_id = ?")
			.params(this.directive, other.upperSecondaryOne)
			.update();
		assertReachedBy(readers, "the issuer");

		long office = assignmentOf(this.dept.districtOne);
		forwardByHand(this.schoolTwo, office);
		assertReachedBy(readers, "the issuer");
		this.jdbc.sql("update assignment set unit_id = ? where directive_id = ? and unit_id = ?")
			.params(other.schoolOfDistrictOne, this.directive, this.schoolTwo)
			.update();
		assertReachedBy(readers, "the issuer", "the other Department", "its district office");
		this.jdbc.sql("update assignment set parent_id = null where directive_id = ? and unit_id = ?")
			.params(this.directive, other.schoolOfDistrictOne)
			.update();
		assertReachedBy(readers, "the issuer");
	}

	private void moveUnder(long unit, long parent) {
		this.jdbc.sql("update unit set parent_id = ? where id = ?").params(parent, unit).update();
	}

	private void assertReachedBy(Map<String, PortalHttp> readers, String... reached) {
		String link = "a[href='/directives/" + this.directive + "']";
		List<String> listing = new ArrayList<>();
		List<String> opening = new ArrayList<>();
		readers.forEach((name, reader) -> {
			if (!Jsoup.parse(reader.get("/directives").body()).select(link).isEmpty()) {
				listing.add(name);
			}
			if (reader.get("/directives/" + this.directive).statusCode() == 200) {
				opening.add(name);
			}
		});
		assertThat(listing).as("the lists it is in").containsExactlyInAnyOrder(reached);
		assertThat(opening).as("who opens it").containsExactlyInAnyOrder(reached);
		assertThat(this.jdbc
			.sql("""
					with made as (select o.unit_id, o.directive_id, d.issuer_unit_id
					              from directive_reach_of(array(select id from directive)) o join directive d on d.id = o.directive_id)
					select count(*) from ((select unit_id, directive_id, issuer_unit_id from directive_reach except table made)
					union all (table made except select unit_id, directive_id, issuer_unit_id from directive_reach)) as d
					""")
			.query(Integer.class)
			.single()).as("the table is what its tables make, with each directive's issuer").isZero();
	}

	@Test
	void aFlashDirectiveCountsItsDeadlineInHours() {
		long flash = this.directives.publishFlashTo(this.dept, List.of(this.dept.upperSecondaryOne),
				this.formats.today());
		long assignment = this.jdbc.sql("select id from assignment where directive_id = ?")
			.param(flash)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				select extract(epoch from acknowledge_before - delivered_at) / 3600 from assignment where id = ?
				""").param(assignment).query(Double.class).single()).isEqualTo(2.0);
		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(Jsoup.parse(school.get("/inbox").body()).text()).contains("Hỏa tốc: xác nhận trước", "còn 2 giờ");

		this.jdbc.sql("update assignment set acknowledge_before = now() - interval '3 hours' where id = ?")
			.param(assignment)
			.update();
		assertThat(Jsoup.parse(school.get("/inbox").body()).text()).as("the list's kept row, counted again")
			.contains("quá hạn 3 giờ")
			.doesNotContain("còn 2 giờ");
		assertThat(Jsoup.parse(school.get("/inbox/" + assignment).body()).text()).contains("quá hạn 3 giờ");
		school.post("/inbox/" + assignment + "/acknowledge", Map.of());
		assertThat(Jsoup.parse(school.get("/inbox").body()).text()).doesNotContain("quá hạn 3 giờ");
		assertThat(this.jdbc.sql("select acknowledged_late from assignment where id = ?")
			.param(assignment)
			.query(Boolean.class)
			.single()).as("late by the hour, though on the same day").isTrue();
	}

	@Test
	void theInboxFiltersChooseAmongTheUnitsOwnDirectivesNewestFirst() {
		long flash = this.directives.publishFlashTo(this.dept, List.of(this.dept.upperSecondaryOne),
				this.formats.today());
		String sample = "/inbox/" + assignmentOf(this.dept.upperSecondaryOne) + "\"";
		String flashed = "/inbox/" + this.jdbc.sql("select id from assignment where directive_id = ?")
			.param(flash)
			.query(Long.class)
			.single() + "\"";
		String type = this.jdbc.sql("select type from directive where id = ?")
			.param(this.directive)
			.query(String.class)
			.single();
		int year = this.formats.today().getYear();
		PortalHttp school = login(this.dept.schoolLeader);

		String all = school.get("/inbox").body();
		assertThat(all.indexOf(flashed)).as("newest first").isPositive().isLessThan(all.indexOf(sample));
		assertThat(school.get("/inbox?urgency=FLASH").body()).contains(flashed).doesNotContain(sample);
		assertThat(school.get("/inbox?urgency=NORMAL&q=tang+cuong+lanh+dao").body()).contains(sample)
			.doesNotContain(flashed);
		assertThat(school.get("/inbox?type=" + type + "&year=" + year).body()).contains(sample, flashed);
		assertThat(school.get("/inbox?type=" + ("KE_HOACH".equals(type) ? "THONG_BAO" : "KE_HOACH")).body())
			.doesNotContain(sample, flashed);
		assertThat(school.get("/inbox?q=khong+co+tu+nay").body()).doesNotContain(sample, flashed);
		assertThat(school.get("/inbox?year=" + (year - 1)).body()).doesNotContain(sample, flashed);
		assertThat(school.get("/inbox?state=NEW&urgency=FLASH").body()).contains(flashed).doesNotContain(sample);
		assertThat(login(this.dept.districtLeader).get("/inbox?urgency=FLASH").body()).as("another unit's")
			.doesNotContain(flashed);
	}

	@Test
	void theInboxPagesThroughEveryDirectiveOnceAndItsLateFilterFindsTheLateOne() {
		List<String> held = twentySixMoreToTheSchool("select '/inbox/' || id from assignment where unit_id = ?");
		PortalHttp school = login(this.dept.schoolLeader);
		assertPagesThroughOnce(school, "/inbox", held);

		long late = assignmentOf(this.dept.upperSecondaryOne);
		this.jdbc.sql("update assignment set acknowledge_by = ? where id = ?")
			.params(this.formats.today().minusDays(7), late)
			.update();
		assertThat(rows(school.get("/inbox?state=ACKNOWLEDGE_LATE").body())).containsExactly("/inbox/" + late);
		assertThat(rows(school.get("/inbox?state=ACKNOWLEDGE_LATE&page=1").body())).isEmpty();
	}

	@Test
	void aSuccessorsInboxPagesThroughItsOwnAndItsMergedUnitsDirectivesNewestFirst() {
		// More than a page to the merged unit: each unit's assignments read for the
		// second
		// page must reach past the first.
		for (int i = 0; i < 36; i++) {
			long to = (i % 4 == 0) ? this.dept.upperSecondaryOne : this.dept.upperSecondaryTwo;
			this.directives.publishFlashTo(this.dept, List.of(to), this.formats.today());
		}
		this.jdbc.sql("update unit set valid_to = current_date, successor_id = ? where id = ?")
			.params(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.update();
		List<String> newestFirst = this.jdbc
			.sql("select '/inbox/' || id from assignment where unit_id in (?, ?) order by delivered_at desc, id desc")
			.params(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.query(String.class)
			.list();
		assertThat(newestFirst).hasSizeGreaterThan(37);
		PortalHttp successor = login(this.dept.schoolLeader);

		assertThat(rows(successor.get("/inbox").body())).containsExactlyElementsOf(newestFirst.subList(0, 25));
		assertThat(rows(successor.get("/inbox?page=1").body()))
			.containsExactlyElementsOf(newestFirst.subList(25, newestFirst.size()));
		assertThat(rows(successor.get("/inbox?urgency=FLASH&page=1").body())).as("filtered, the second page")
			.containsExactlyElementsOf(newestFirst.subList(25, 36));
	}

	@Test
	void theDirectiveListPagesThroughEveryDirectiveTheSchoolReceivedOnce() {
		List<String> received = twentySixMoreToTheSchool(
				"select '/directives/' || directive_id from assignment where unit_id = ?");
		assertPagesThroughOnce(login(this.dept.schoolLeader), "/directives", received);
		assertThat(rows(login(this.people.account(this.schoolTwo, Role.UNIT_LEADER)).get("/directives").body()))
			.as("a school none of them was sent to")
			.doesNotContainAnyElementsOf(received);
	}

	@Test
	void theListsOfTheDepartmentAndOfADistrictOfficeReadInTheirOrderListWhatTheFilteredFormLists() {
		for (int i = 0; i < 26; i++) {
			this.directives.publishFlashTo(this.dept, List.of(this.dept.schoolOfDistrictOne), this.formats.today());
		}
		String draft = "/directives/" + this.directives.draftSample(this.dept);
		Map<String, PortalHttp> readers = new LinkedHashMap<>();
		readers.put("the Department's officer", login(this.dept.officer));
		readers.put("the district office", login(this.dept.districtLeader));
		String byIssuer = "/directives?issuer=" + this.dept.department + "&";
		readers.forEach((who, reader) -> {
			// Unfiltered, the list is read in its order, stopping at the end of the page;
			// with
			// a filter, from every directive visible. Every directive of both readers is
			// the
			// Department's, so both lists are the same, in the same order, page by page.
			List<String> inOrder = allPages(reader, "/directives?");
			assertThat(inOrder).as(who).hasSizeGreaterThan(26).doesNotHaveDuplicates();
			assertThat(inOrder).as(who).isEqualTo(allPages(reader, byIssuer));
			assertThat(issuersOffered(reader, "/directives")).as(who)
				.containsExactly(String.valueOf(this.dept.department))
				.isEqualTo(issuersOffered(reader, byIssuer + "page=0"));
		});
		assertThat(allPages(readers.get("the Department's officer"), "/directives?")).as("its staff see its draft")
			.contains(draft);
		assertThat(allPages(readers.get("the district office"), "/directives?")).doesNotContain(draft);
	}

	/** The links of every page of a list, from the first page on until one is empty. */
	private static List<String> allPages(PortalHttp reader, String pathAndQuery) {
		List<String> links = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			List<String> rows = rows(reader.get(pathAndQuery + "page=" + page).body());
			if (rows.isEmpty()) {
				return links;
			}
			links.addAll(rows);
		}
		throw new AssertionError("more than ten pages at " + pathAndQuery);
	}

	/**
	 * The issuers a directive list offers in its filter, by id (the first, all, left
	 * out).
	 */
	private static List<String> issuersOffered(PortalHttp reader, String path) {
		return Jsoup.parse(reader.get(path).body())
			.select("select#issuer option")
			.eachAttr("value")
			.stream()
			.filter((value) -> !value.isEmpty())
			.toList();
	}

	@Test
	void aDirectiveToManyUnitsListsItsFirstRecipientsAndAllOfThemWhenAsked() {
		List<Long> units = new ArrayList<>(List.of(this.dept.upperSecondaryOne, this.schoolTwo, this.schoolThree));
		for (int i = 1; i <= 27; i++) {
			units.add(this.dept.unit("NHIEU" + i, "Trường Nhận Thử " + i, "PRIMARY", this.dept.districtOne));
		}
		long many = this.directives.publishSampleTo(this.dept, units, this.formats.today());
		List<String> names = this.jdbc.sql("select name from unit where id = any(?)")
			.param(units.toArray(Long[]::new))
			.query(String.class)
			.list();
		PortalHttp school = login(this.dept.schoolLeader);

		Document first = Jsoup.parse(school.get("/directives/" + many).body());
		assertThat(first.text()).contains("Đã gửi 30 đơn vị (30 đơn vị thực hiện)");
		assertThat(recipientNames(first)).hasSize(25).isSubsetOf(names);
		Element all = first.selectFirst("#recipients-all");
		assertThat(all).isNotNull();
		assertThat(all.text()).isEqualTo("Xem tất cả 30 đơn vị nhận");

		Document whole = Jsoup.parse(school.get(all.attr("href")).body());
		assertThat(recipientNames(whole)).containsExactlyInAnyOrderElementsOf(names);
		assertThat(whole.selectFirst("#recipients-all")).isNull();
		assertThat(recipientNames(Jsoup.parse(school.get("/directives/" + this.directive).body())))
			.as("a directive to three units lists them all")
			.hasSize(3);
		long elsewhere = this.dept.unit("NGOAI", "Trường Ngoài Danh Sách", "PRIMARY", this.dept.districtOne);
		assertThat(
				login(this.people.account(elsewhere, Role.UNIT_LEADER)).get("/directives/" + many + "?recipients=all")
					.statusCode())
			.as("a school it did not go to")
			.isEqualTo(404);
	}

	private static List<String> recipientNames(Document page) {
		return page.select("section[aria-labelledby=recipients-title] tbody tr td:first-child > span").eachText();
	}

	/**
	 * Publishes 26 more directives to the school, then reads the links to what it now
	 * holds (27 in all) with the query given, of the school's unit.
	 */
	private List<String> twentySixMoreToTheSchool(String links) {
		for (int i = 0; i < 26; i++) {
			this.directives.publishFlashTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		}
		List<String> held = this.jdbc.sql(links).param(this.dept.upperSecondaryOne).query(String.class).list();
		assertThat(held).hasSize(27);
		return held;
	}

	/** Pages of 25 and 2 at the path, each link once and all of them; the third empty. */
	private static void assertPagesThroughOnce(PortalHttp reader, String path, List<String> held) {
		List<String> first = rows(reader.get(path).body());
		List<String> second = rows(reader.get(path + "?page=1").body());
		assertThat(first).hasSize(25);
		assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
		assertThat(Stream.concat(first.stream(), second.stream()).toList()).containsExactlyInAnyOrderElementsOf(held);
		assertThat(rows(reader.get(path + "?page=2").body())).isEmpty();
	}

	private static List<String> rows(String inbox) {
		return Jsoup.parse(inbox).select("li.list-group-item a.fw-semibold").eachAttr("href");
	}

	/**
	 * The readers at the top two levels of another Department (its officer, a district
	 * office, a school right under it) and the issuer's officer, signed in.
	 */
	private Map<String, PortalHttp> readersAtTheTop(TestDepartment other) {
		Map<String, PortalHttp> readers = new LinkedHashMap<>();
		readers.put("the other Department", login(other.officer));
		readers.put("its district office", login(other.districtLeader));
		readers.put("its school under the Department", login(other.schoolLeader));
		readers.put("the issuer", login(this.dept.officer));
		return readers;
	}

	/** The directive forwarded to a unit under the given assignment, written as SQL. */
	private void forwardByHand(long unit, long parentAssignment) {
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, parent_id)
				values (?, ?, 'IMPLEMENT', now(), ?)
				""").params(this.directive, unit, parentAssignment).update();
	}

	private long assignmentOf(long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(this.directive, unit)
			.query(Long.class)
			.single();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		http.get("/");
		return http;
	}

}
