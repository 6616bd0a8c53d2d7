package vn.edu.portal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action the code records reads as words on the audit trail, in Vietnamese and in
 * English. The actions come from the source code, so a new one fails here until it has
 * its labels.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditActionsTests {

	private static final RecordedActions RECORDED = RecordedActions.in(RecordedActions.MAIN_SOURCES);

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Test
	void theSourceIsReadForEveryWayAnActionIsGiven() {
		assertThat(RECORDED.unreadable())
			.as("calls whose action the test cannot follow to a string literal: "
					+ "pass a literal or a constant, or teach RecordedActions the new way")
			.isEmpty();
		assertThat(RECORDED.actions()).as("literals, constants, a method's parameter, a concatenation")
			.contains("DIRECTIVE_PUBLISHED", "ACCOUNTS_MOVED", "LOGIN_SUCCESS", "INCIDENT_ACCEPTED",
					"INCIDENT_RESTRICTED_ERASED", "REPORT_ACCEPTED", "REPORT_RETURNED")
			.allMatch((action) -> action.matches("[A-Z][A-Z0-9_]*"));
	}

	@Test
	void everyRecordedActionHasALabelInVietnameseAndInEnglish() throws IOException {
		for (String file : List.of("messages_vi.properties", "messages_en.properties")) {
			Properties messages = load(file);
			assertThat(RECORDED.actions()).as("actions recorded by the code without audit.action.* in %s", file)
				.filteredOn((action) -> messages.getProperty("audit.action." + action, "").isBlank())
				.isEmpty();
		}
	}

	@Test
	void aNewActionIsFoundWhereverItIsRecordedAndAnUnreadableOneIsReported() {
		RecordedActions found = RecordedActions.of(List.of(RecordedActions.source("NewFeature.java", """
				package vn.edu.portal.feature;

				import java.util.Map;

				import vn.edu.portal.audit.AuditLog;

				class NewFeature {

					static final String RENAMED = "FEATURE_RENAMED";

					private final AuditLog audit;

					private final History history;

					NewFeature(AuditLog audit, History history) {
						this.audit = audit;
						this.history = history;
					}

					void create(long id) {
						this.audit.record("NEW_THING", "FEATURE", id, Map.of());
						this.history.record("NOT_AN_AUDIT_ACTION", id);
					}

					void rename(long id, boolean twice) {
						String action = twice ? RENAMED + "_TWICE" : RENAMED;
						audit.recordFor("someone", null, action, Map.of());
					}

					void decide(long id, boolean yes) {
						step(id, yes ? "YES" : "NO");
					}

					private void step(long id, String outcome) {
						this.audit.record("FEATURE_" + outcome, "FEATURE", id, Map.of());
						this.audit.record(outcome.toLowerCase(), "FEATURE", id, Map.of());
					}

				}
				""")));

		assertThat(found.actions()).containsExactly("FEATURE_NO", "FEATURE_RENAMED", "FEATURE_RENAMED_TWICE",
				"FEATURE_YES", "NEW_THING");
		assertThat(found.unreadable()).singleElement()
			.asString()
			.startsWith("NewFeature.java:36: outcome.toLowerCase()");
	}

	@Test
	void theTrailShowsEveryRecordedActionInWordsToAnAdministrator() throws IOException {
		String actor = "t.labels." + UUID.randomUUID().toString().substring(0, 8);
		RECORDED.actions().forEach((action) -> this.audit.recordFor(actor, null, action, Map.of("code", action)));
		PortalHttp admin = new PortalHttp(this.port);
		assertThat(PortalHttp.location(admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))).isEqualTo("/");

		for (String language : List.of("vi", "en")) {
			Properties messages = load("messages_" + language + ".properties");
			Map<String, String> expected = new TreeMap<>();
			RECORDED.actions()
				.forEach((action) -> expected.put(action, messages.getProperty("audit.action." + action, "")));
			Map<String, String> inTable = new TreeMap<>();
			Map<String, String> inPicker = new TreeMap<>();
			for (int page = 0; inTable.size() < expected.size() && page < 10; page++) {
				Document trail = Jsoup
					.parse(admin.get("/audit?lang=" + language + "&account=" + actor + "&page=" + page).body());
				for (Element row : trail.select("tbody tr")) {
					String code = row.select("td.portal-details code")
						.text()
						.replaceAll(".*\"code\": ?\"([A-Z_0-9]+)\".*", "$1");
					inTable.put(code, row.select("td").get(2).text());
				}
				trail.select("select#action option")
					.stream()
					.filter((option) -> RECORDED.actions().contains(option.val()))
					.forEach((option) -> inPicker.put(option.val(), option.text()));
			}

			assertThat(inTable).as("the action column in %s", language).isEqualTo(expected);
			assertThat(inPicker).as("the action picker in %s", language).isEqualTo(expected);
			assertThat(expected.values()).as("no raw key in %s", language)
				.noneMatch((label) -> label.isBlank() || label.contains("??"));
		}
	}

	private static Properties load(String file) throws IOException {
		return PropertiesLoaderUtils
			.loadProperties(new EncodedResource(new ClassPathResource(file), StandardCharsets.UTF_8));
	}

}
