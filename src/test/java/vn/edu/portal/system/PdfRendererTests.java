package vn.edu.portal.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Official letters printed to PDF with an embedded Times New Roman look-alike. */
class PdfRendererTests {

	private static final List<String> LINES = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 25 tháng 02 năm 2020", "KT. GIÁM ĐỐC", "La Thị Thúy",
			"tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội", "Nơi nhận:");

	/** Thymeleaf's HTML5, not XML: the meta and br elements are not closed. */
	private static final String LETTER = """
			<!DOCTYPE html>
			<html lang="vi">
			<head>
			<meta charset="utf-8">
			<title>Công văn</title>
			<style>
			@page { size: A4; margin: 20mm 15mm 20mm 30mm }
			body { font-family: "Times New Roman", serif; font-size: 14pt }
			.date { font-style: italic }
			.signer { font-weight: bold }
			.recipients { font-weight: bold; font-style: italic; font-size: 12pt }
			</style>
			</head>
			<body>
			<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p>
			<p class="date">Bến Tre, ngày 25 tháng 02 năm 2020</p>
			<p>Về việc tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội</p>
			<p class="recipients">Nơi nhận:</p>
			<p class="signer">KT. GIÁM ĐỐC</p>
			<p class="signer">La Thị Thúy</p>
			</body>
			</html>
			""";

	private static final PdfRenderer renderer = new PdfRenderer();

	private static byte[] letter;

	@BeforeAll
	static void renderLetter() {
		letter = render(LETTER);
	}

	@Test
	void aPagePrintedLatelyIsNotPrintedAgainAndAnyChangeIsPrintedAnew() throws IOException {
		PdfRenderer fresh = new PdfRenderer();
		byte[] first = fresh.pdf(LETTER);
		assertThat(fresh.pdf(LETTER)).isSameAs(first);
		// The same page written in decomposed letters is the same page.
		assertThat(fresh.pdf(Normalizer.normalize(LETTER, Normalizer.Form.NFD))).isSameAs(first);
		byte[] changed = fresh.pdf(LETTER.replace("La Thị Thúy", "La Thị Thủy"));
		assertThat(changed).isNotSameAs(first);
		try (PDDocument pdf = Loader.loadPDF(changed)) {
			assertThat(nfc(new PDFTextStripper().getText(pdf))).contains(nfc("La Thị Thủy"))
				.doesNotContain(nfc("La Thị Thúy"));
		}
	}

	@Test
	void readersAskingForTheSamePageAtOnceGetOnePrint() throws Exception {
		PdfRenderer fresh = new PdfRenderer();
		String page = LETTER.replace("Công văn", "Công văn in cùng lúc");
		ExecutorService readers = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<byte[]>> asked = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				asked.add(readers.submit(() -> {
					start.await();
					return fresh.pdf(page);
				}));
			}
			start.countDown();
			byte[] first = asked.get(0).get(60, TimeUnit.SECONDS);
			for (Future<byte[]> pdf : asked) {
				assertThat(pdf.get(60, TimeUnit.SECONDS)).isSameAs(first);
			}
		}
		finally {
			readers.shutdownNow();
		}
	}

	@Test
	void textKeepsEveryDiacritic() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(letter)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = nfc(new PDFTextStripper().getText(pdf));
			assertThat(text).contains(LINES.stream().map(PdfRendererTests::nfc).toList());
		}
	}

	@Test
	void pageIsA4() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(letter)) {
			assertA4(pdf.getPage(0));
		}
	}

	@Test
	void pageWithoutSizeIsA4() throws IOException {
		String html = "<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>Kính gửi</p></body></html>";
		try (PDDocument pdf = Loader.loadPDF(render(html))) {
			assertA4(pdf.getPage(0));
		}
	}

	@Test
	void everyFaceIsEmbeddedLiberationSerif() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(letter)) {
			List<PDFont> fonts = fonts(pdf.getPage(0));
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("LiberationSerif");
			});
			assertThat(fonts).extracting((font) -> font.getName().substring(font.getName().indexOf('+') + 1))
				.containsExactlyInAnyOrder("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
						"LiberationSerif-BoldItalic");
		}
	}

	@Test
	void decomposedTextPrintsComposedLetters() throws IOException {
		String html = "<!DOCTYPE html><html><head><meta charset=utf-8><style>body { font-family: \"Liberation Serif\" }"
				+ "</style></head><body><p>" + Normalizer.normalize("La Thị Thúy, Đồng Khởi", Normalizer.Form.NFD)
				+ "</p></body></html>";
		try (PDDocument pdf = Loader.loadPDF(render(html))) {
			String text = new PDFTextStripper().getText(pdf).strip();
			assertThat(text).isEqualTo("La Thị Thúy, Đồng Khởi");
			assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
			assertThat(fonts(pdf.getPage(0))).singleElement()
				.satisfies((font) -> assertThat(font.getName()).endsWith("+LiberationSerif"));
		}
	}

	@Test
	void otherFamiliesFallBackToEmbeddedFaces() throws IOException {
		String html = """
				<!DOCTYPE html><html><head><meta charset="utf-8">
				<style>
				@font-face { font-family: "Times New Roman"; src: url("/fonts/LiberationSerif-Regular.ttf?v=1") }
				body { font-family: "Times New Roman", serif }
				</style></head><body>
				<p>Kính gửi <b>Sở Giáo dục</b> <i>Bến Tre</i></p>
				<p style="font-family: Arial, sans-serif">Ủy ban nhân dân</p>
				<p><code>Đồng Khởi</code></p>
				</body></html>
				""";
		try (PDDocument pdf = Loader.loadPDF(render(html))) {
			assertThat(nfc(new PDFTextStripper().getText(pdf))).contains("Kính gửi Sở Giáo dục Bến Tre",
					"Ủy ban nhân dân", "Đồng Khởi");
			List<PDFont> fonts = fonts(pdf.getPage(0));
			assertThat(fonts).allSatisfy((font) -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("LiberationSerif");
			});
			assertThat(fonts).extracting(PDFont::getName)
				.anySatisfy((name) -> assertThat(name).endsWith("+LiberationSerif-Bold"))
				.anySatisfy((name) -> assertThat(name).endsWith("+LiberationSerif-Italic"));
		}
	}

	@Test
	void nothingIsFetched(@TempDir Path folder) throws IOException {
		byte[] png = png();
		Path local = Files.write(folder.resolve("seal.png"), png);
		List<String> requests = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.add(exchange.getRequestURI().toString());
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		server.start();
		try {
			String remote = "http://127.0.0.1:" + server.getAddress().getPort();
			String html = """
					<!DOCTYPE html><html><head><meta charset="utf-8">
					<link rel="stylesheet" href="%1$s/portal.css">
					<style>
					@import url(%1$s/import.css);
					@font-face { font-family: "Times New Roman"; src: url(%1$s/times.ttf) }
					body { font-family: "Times New Roman"; background-image: url(%1$s/background.png) }
					</style></head><body>
					<p>Kính gửi <a href="%1$s/directives/1">văn bản</a></p>
					<img src="%1$s/logo.png" width="20" height="20">
					<img src="/images/logo.png" width="20" height="20">
					<img src="%2$s" width="20" height="20">
					<img src="data:image/png;base64,%3$s" width="20" height="20">
					</body></html>
					""".formatted(remote, local.toUri(), Base64.getEncoder().encodeToString(png));
			try (PDDocument pdf = Loader.loadPDF(render(html))) {
				assertThat(requests).isEmpty();
				assertThat(images(pdf.getPage(0))).as("only the data: image").hasSize(1);
				assertThat(pdf.getPage(0).getAnnotations()).singleElement()
					.satisfies((link) -> assertThat(((PDAnnotationLink) link).getAction()).isInstanceOfSatisfying(
							PDActionURI.class,
							(action) -> assertThat(action.getURI()).isEqualTo(remote + "/directives/1")));
				assertThat(new PDFTextStripper().getText(pdf)).contains("Kính gửi");
				assertThat(fonts(pdf.getPage(0))).allSatisfy((font) -> assertThat(font.isEmbedded()).isTrue())
					.allSatisfy((font) -> assertThat(font.getName()).contains("LiberationSerif"));
			}
		}
		finally {
			server.stop(0);
		}
	}

	private static byte[] render(String html) {
		return renderer.pdf(html);
	}

	private static void assertA4(PDPage page) {
		PDRectangle box = page.getMediaBox();
		assertThat(box.getWidth()).isCloseTo(595f, within(1f));
		assertThat(box.getHeight()).isCloseTo(842f, within(1f));
	}

	private static List<PDFont> fonts(PDPage page) throws IOException {
		PDResources resources = page.getResources();
		List<PDFont> fonts = new ArrayList<>();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		return fonts;
	}

	private static List<PDImageXObject> images(PDPage page) throws IOException {
		PDResources resources = page.getResources();
		List<PDImageXObject> images = new ArrayList<>();
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject image) {
				images.add(image);
			}
		}
		return images;
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xC00000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The text in NFC, each run of white space one space. */
	private static String nfc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
	}

}
