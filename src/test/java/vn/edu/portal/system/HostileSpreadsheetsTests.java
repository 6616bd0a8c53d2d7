package vn.edu.portal.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.edu.portal.system.HostileSpreadsheets.Hostile;
import vn.edu.portal.system.TabularFile.Refused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every hostile file is refused by the reader with its message, and the reading stays
 * within a memory and time budget: what it allocates in all (not only what it keeps) is
 * measured, so a reader that built a gigabyte string and threw it away would fail too.
 */
class HostileSpreadsheetsTests {

	private static final long MB = 1024 * 1024;

	/** What reading a hostile file may allocate, garbage included. */
	private static final long ALLOCATION_BUDGET = 128 * MB;

	/**
	 * What reading 100,000 rows before the one too many may allocate: a whole table is
	 * read, as a legitimate file of that size is.
	 */
	private static final long FULL_TABLE_BUDGET = 512 * MB;

	private static final long TIME_BUDGET_MILLIS = 20_000;

	/** Loads the libraries' classes, so that their first use is not counted. */
	@BeforeAll
	static void readOneFileOfEachKind() {
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		TabularExport.xlsx(workbook, "units", HostileSpreadsheets.HEADER, Stream.of(List.of("X-1", "Trường X")));
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		TabularExport.csv(csv, HostileSpreadsheets.HEADER, Stream.of(List.of("X-1", "Trường X")));
		for (byte[] content : List.of(workbook.toByteArray(), csv.toByteArray())) {
			assertThat(TabularFile
				.read("units", new ByteArrayInputStream(content), content.length, HostileSpreadsheets.HEADER)
				.rows()).hasSize(1);
		}
	}

	static List<Hostile> hostileFiles() {
		return HostileSpreadsheets.all();
	}

	@ParameterizedTest
	@MethodSource("hostileFiles")
	void isRefusedWithItsMessageWithinItsBudget(Hostile hostile) {
		byte[] content = hostile.content().get();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();

		Refused refused = catchThrowableOfType(Refused.class, () -> TabularFile.read(hostile.name(),
				new ByteArrayInputStream(content), content.length, HostileSpreadsheets.HEADER));

		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(refused).as(hostile.name() + " is refused").isNotNull();
		assertThat(refused.messageKey()).as(hostile.name()).isEqualTo(hostile.messageKey());
		assertThat(refused.arguments()).as(hostile.name()).containsExactlyElementsOf(hostile.arguments());
		long budget = hostile.messageKey().equals("import.file.tooManyRows") ? FULL_TABLE_BUDGET : ALLOCATION_BUDGET;
		assertThat(allocated).as(hostile.name() + ": bytes allocated while reading").isLessThan(budget);
		assertThat(millis).as(hostile.name() + ": milliseconds").isLessThan(TIME_BUDGET_MILLIS);
	}

}
