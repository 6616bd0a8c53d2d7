package vn.edu.portal.incident;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): a 20 MB photo
 * uploaded with the incident form over HTTP on 127.0.0.1, checked, stripped of its
 * metadata, hashed and stored in chunks, then downloaded again; and the heap it took: the
 * bytes allocated by the storing thread, and the heap in use after a collection, before
 * and after. Run by {@code bench/incidents.sh}; prints the figures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EvidenceBenchmark {

	private static final int SIZE = 20 * 1024 * 1024;

	private static final int RUNS = 8;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	FileStore files;

	@TempDir
	Path folder;

	@Test
	void uploadAndStoreA20MegabytePhoto() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		byte[] photo = new byte[SIZE];
		new Random(7).nextBytes(photo);
		byte[] head = TestImages.jpegWithExif("GPSLatitude 10.2434 N");
		// A JPEG whose scan data is the random bytes: the stripper copies it as it is.
		System.arraycopy(head, 0, photo, 0, head.length - 2);
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(dept.schoolLeader, TestPeople.PASSWORD);
		List<Long> upload = new ArrayList<>();
		for (int run = 0; run < RUNS + 2; run++) {
			leader.get("/incidents/new");
			Map<String, String> form = new java.util.LinkedHashMap<>();
			form.put("formKey", UUID.randomUUID().toString());
			form.put("version", "0");
			form.put("summary", "Benchmark");
			form.put("action", "save");
			long start = System.nanoTime();
			HttpResponse<String> saved = leader.multipart("/incidents/new", form, "evidence",
					Map.of("anh-" + run + ".jpg", photo));
			long took = (System.nanoTime() - start) / 1_000_000;
			assertThat(saved.statusCode()).isEqualTo(302);
			if (run >= 2) {
				upload.add(took);
			}
		}

		Path file = this.folder.resolve("photo.jpg");
		Files.write(file, photo);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long owner = dept.upperSecondaryOne;
		System.gc();
		long heapBefore = usedHeap();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long storeStart = System.nanoTime();
		FileStore.StoredFile stored = this.files.store(new FileStore.Owner("BENCHMARK", owner), "EVIDENCE", "anh.jpg",
				file, IncidentEvidence.KINDS, SIZE,
				this.jdbc.sql("select id from account where username = ?")
					.param(dept.schoolLeader)
					.query(Long.class)
					.single());
		long storeTook = (System.nanoTime() - storeStart) / 1_000_000;
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.gc();
		long heapAfter = usedHeap();
		long downloadStart = System.nanoTime();
		this.files.copy(stored.id(), java.io.OutputStream.nullOutputStream());
		long downloadTook = (System.nanoTime() - downloadStart) / 1_000_000;

		Collections.sort(upload);
		System.out.printf(
				"evidence upload of 20 MB over HTTP (form, check, strip, hash, store): min %d ms, median %d ms,"
						+ " max %d ms over %d runs%n",
				upload.get(0), upload.get(upload.size() / 2), upload.get(upload.size() - 1), upload.size());
		System.out.printf(
				"evidence store of 20 MB: %d ms; %.1f MB allocated by the storing thread; heap in use %+.1f MB"
						+ " after it; download %d ms%n",
				storeTook, allocated / 1048576.0, (heapAfter - heapBefore) / 1048576.0, downloadTook);
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
