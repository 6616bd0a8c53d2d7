package vn.edu.portal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.incident.TestIncidentForms;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.HostileFiles;
import vn.edu.portal.system.TestPdfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crafted files of {@code src/test/resources/hostile} (and a PDF whose object stream
 * inflates to a gibibyte, made here) fed to every upload of the portal: the evidence of a
 * new incident and of an incident's draft, the files of an implementation report, the
 * attachments of a directive. Each file is refused with its message, or stored cleaned of
 * its location, trailer or script; the heap stays as it was and the portal stays UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileUploadTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final List<Hostile> CORPUS = List.of(
			new Hostile("executable.pdf", HostileFiles.read("executable.pdf"), Outcome.NOT_RECOGNISED),
			new Hostile("executable.jpg", HostileFiles.read("executable.pdf"), Outcome.NOT_RECOGNISED),
			new Hostile("page.pdf", HostileFiles.read("page.pdf"), Outcome.NOT_RECOGNISED),
			new Hostile("script.svg", HostileFiles.read("script.svg"), Outcome.NOT_RECOGNISED),
			new Hostile("html-after-iend.png", HostileFiles.read("html-after-iend.png"), Outcome.CLEANED, "<html",
					"script"),
			new Hostile("gps-progressive-motion-photo.jpg", HostileFiles.read("gps-progressive-motion-photo.jpg"),
					Outcome.CLEANED, "GPS", "MotionPhoto", "ftyp", "between scans"),
			new Hostile("gps.mp4", HostileFiles.read("gps.mp4"), Outcome.CLEANED, "+10.2434", "xyz",
					"com.apple.quicktime.location"),
			new Hostile("javascript.pdf", HostileFiles.read("javascript.pdf"), Outcome.ACTIVE_CONTENT),
			new Hostile("zip-bomb.docx", HostileFiles.read("zip-bomb.docx"), Outcome.DAMAGED),
			new Hostile("object-stream-bomb.pdf", TestPdfs.objectStreamBomb(1024), Outcome.DAMAGED));

	/** What the heap may hold more after the whole corpus, once collected. */
	private static final long HEAP_MARGIN = 64L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	FileStore files;

	@Autowired
	MessageSource messages;

	@Autowired
	Formats formats;

	TestDepartment dept;

	long heapBefore;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.heapBefore = heapAfterCollection();
	}

	@AfterEach
	void theHeapIsBoundedAndThePortalUp() {
		assertThat(heapAfterCollection() - this.heapBefore).as("heap kept after the corpus").isLessThan(HEAP_MARGIN);
		HttpResponse<String> health = new PortalHttp(this.port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theEvidenceOfANewIncident() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		UUID key = UUID.randomUUID();
		Map<String, String> form = Map.of("formKey", key.toString(), "action", "addPerson");

		String shown = Jsoup.parse(leader.multipart("/incidents/new", form, "evidence", corpus()).body())
			.select("#evidence-error")
			.text();

		long holder = this.jdbc.sql("select id from incident_form where form_key = ?")
			.param(key)
			.query(Long.class)
			.single();
		assertIncidentOutcomes(shown, new FileStore.Owner("INCIDENT_FORM", holder));
	}

	@Test
	void theEvidenceOfAnIncidentsDraft() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = incident(UUID.randomUUID());
		String edit = PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()));
		assertThat(edit).matches("/incidents/\\d+/edit");
		long id = Long.parseLong(edit.replaceAll("\\D", ""));
		leader.get(edit);
		form.put("action", "addPerson");

		String shown = Jsoup.parse(leader.multipart(edit, form, "evidence", corpus()).body())
			.select("#evidence-error")
			.text();

		assertIncidentOutcomes(shown, new FileStore.Owner("INCIDENT", id));
	}

	@Test
	void theFilesOfAnImplementationReport() {
		LocalDate due = this.formats.today().plusDays(5);
		long directive = this.directives.publishWithReport(this.dept, List.of(this.dept.upperSecondaryOne),
				this.formats.today(), due);
		long assignment = this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, this.dept.upperSecondaryOne)
			.query(Long.class)
			.single();
		String page = "/inbox/" + assignment + "/reports/" + due;
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(page);
		Map<String, String> draft = new LinkedHashMap<>();
		draft.put("action", "save");
		for (int i = 0; i < 5; i++) {
			draft.put("tasks[" + i + "].status", "IN_PROGRESS");
		}
		leader.post(page, draft);
		long report = this.jdbc.sql("select id from report where assignment_id = ?")
			.param(assignment)
			.query(Long.class)
			.single();

		assertOneByOne(new FileStore.Owner("REPORT", report), (name, content) -> {
			leader.get(page);
			leader.upload(page + "/files", name, content);
			return Jsoup.parse(leader.get(page).body()).select("#report-file-error").text();
		}, Map.of(Outcome.NOT_RECOGNISED, "report.file.NOT_RECOGNISED", Outcome.ACTIVE_CONTENT,
				"report.file.ACTIVE_CONTENT", Outcome.DAMAGED, "report.file.DAMAGED"), List.of("gps.mp4"));
	}

	@Test
	void theAttachmentsOfADirective() {
		long directive = this.directives.draftSample(this.dept);
		String page = "/directives/" + directive;
		PortalHttp officer = login(this.dept.officer);

		assertOneByOne(new FileStore.Owner("DIRECTIVE", directive), (name, content) -> {
			officer.get(page);
			officer.upload(page + "/attachments", name, content);
			return Jsoup.parse(officer.get(page).body()).select(".alert-danger").text();
		}, Map.of(Outcome.NOT_RECOGNISED, "directive.attachment.notRecognised", Outcome.ACTIVE_CONTENT,
				"directive.attachment.activeContent", Outcome.DAMAGED, "directive.attachment.damaged"),
				List.of("gps.mp4", "html-after-iend.png", "gps-progressive-motion-photo.jpg"));
	}

	/** Every file refused with the incident form's message, or stored clean. */
	private void assertIncidentOutcomes(String shown, FileStore.Owner owner) {
		for (Hostile file : CORPUS) {
			if (file.outcome() == Outcome.CLEANED) {
				assertClean(owner, file);
			}
			else {
				assertThat(shown).contains(message("incident.file." + file.outcome().name(), file.name(), 20, 10));
			}
		}
		assertThat(this.files.of(owner)).extracting(FileStore.StoredFile::fileName)
			.containsExactlyInAnyOrder("html-after-iend.png", "gps-progressive-motion-photo.jpg", "gps.mp4");
	}

	/**
	 * Sends each file alone, and checks the message shown after it: the refusal of its
	 * kind, or none and the file stored clean. The files named as not taken where they
	 * are sent are refused as not recognised.
	 */
	private void assertOneByOne(FileStore.Owner owner, BiFunction<String, byte[], String> upload,
			Map<Outcome, String> keys, List<String> notTaken) {
		for (Hostile file : CORPUS) {
			String shown = upload.apply(file.name(), file.content());
			Outcome outcome = notTaken.contains(file.name()) ? Outcome.NOT_RECOGNISED : file.outcome();
			if (outcome == Outcome.CLEANED) {
				assertThat(shown).as(file.name()).isEmpty();
				assertClean(owner, file);
			}
			else {
				assertThat(shown).as(file.name()).isEqualTo(message(keys.get(outcome)));
				assertThat(this.files.of(owner)).extracting(FileStore.StoredFile::fileName)
					.as("nothing stored of " + file.name())
					.doesNotContain(file.name());
			}
		}
	}

	private void assertClean(FileStore.Owner owner, Hostile file) {
		FileStore.StoredFile stored = this.files.of(owner)
			.stream()
			.filter((candidate) -> candidate.fileName().equals(file.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(file.name() + " was not stored"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.files.copy(stored.id(), bytes);
		assertThat(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1)).as(file.name())
			.doesNotContain(file.gone());
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, VIETNAMESE);
	}

	private static Map<String, byte[]> corpus() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		CORPUS.forEach((file) -> files.put(file.name(), file.content()));
		return files;
	}

	private static Map<String, String> incident(UUID key) {
		Map<String, String> form = TestIncidentForms.form(key,
				"https://www.facebook.com/tintuc/posts/" + key.getMostSignificantBits(), 2, 2);
		form.put("action", "save");
		return form;
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

	private static long heapAfterCollection() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** What becomes of a hostile file where its kind is taken. */
	private enum Outcome {

		NOT_RECOGNISED, ACTIVE_CONTENT, DAMAGED, CLEANED

	}

	/**
	 * A hostile file.
	 *
	 * @param name the name it is sent under
	 * @param content its bytes
	 * @param outcome what becomes of it where its kind is taken
	 * @param gone what the stored copy of a cleaned file no longer holds
	 */
	private record Hostile(String name, byte[] content, Outcome outcome, String... gone) {
	}

}
