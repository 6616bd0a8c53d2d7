package vn.edu.portal.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader takes every form that circulates and refuses hostile packages by their
 * budgets while reading.
 */
class EdXmlReaderTests {

	private Path folder;

	private final String sample = new String(
			EdXmlPackages.bytes(EdXmlPackages.letter340("000.00.12.H05", List.of("000.31.12.H05"))),
			StandardCharsets.UTF_8);

	@BeforeEach
	void folder() throws IOException {
		this.folder = Files.createTempDirectory("edxml-reader");
	}

	@AfterEach
	void clean() {
		FileSystemUtils.deleteRecursively(this.folder.toFile());
	}

	@Test
	void otherPrefixesADefaultNamespaceDayFirstDatesBusinessWithOneSAndBareContentIdsAreRead() {
		String variant = this.sample.replace("edXML:", "ns1:")
			.replace("xmlns:edXML=", "xmlns:ns1=")
			.replace("2020/02/25", "25/02/2020")
			.replace("Bussiness", "Business")
			.replace("<ContentId>cid:", "<ContentId>");

		EdXmlReader.Read read = read(variant);

		assertThat(read.edxml().promulgationDate()).isEqualTo(LocalDate.of(2020, 2, 25));
		assertThat(read.edxml().codeNumber()).isEqualTo("340");
		assertThat(read.edxml().codeNotation()).isEqualTo("SGD&ĐT-CTTT");
		assertThat(read.edxml().business().type()).isEqualTo(EdXml.Business.NEW);
		assertThat(read.edxml().to()).extracting(EdXmlPackage.Organ::organId).containsExactly("000.31.12.H05");
		assertThat(read.files()).containsKey("ban-ky-340");
		String unprefixed = this.sample.replace("edXML:", "").replace("xmlns:edXML=", "xmlns=");
		assertThat(read(unprefixed).edxml().subject())
			.isEqualTo("tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội");
	}

	@Test
	void budgetsRefuseTooManyElementsTooLongValuesTooManyFilesAndTooLargeFiles() {
		EdXmlReader.Budgets small = new EdXmlReader.Budgets(1024 * 1024, 100, 24, 200, 10, 1, 100);
		String many = this.sample.replace("<edXML:ToPlaces>",
				"<edXML:ToPlaces>" + "<edXML:Place>x</edXML:Place>".repeat(200));
		String longValue = this.sample.replace("<edXML:Subject>", "<edXML:Subject>" + "a".repeat(300));
		String twoFiles = this.sample.replace("</AttachmentEncoded>",
				this.sample.substring(this.sample.indexOf("<Attachment>"), this.sample.indexOf("</AttachmentEncoded>"))
						+ "</AttachmentEncoded>");

		assertRefused(many, small, "edxml.tooManyElements");
		assertRefused(longValue, small, "edxml.valueTooLong");
		assertRefused(twoFiles, new EdXmlReader.Budgets(1024 * 1024, 1000, 24, 200, 10, 1, 1024 * 1024),
				"edxml.tooManyFiles");
		assertRefused(this.sample, small, "edxml.fileTooLarge");
		assertRefused(this.sample, new EdXmlReader.Budgets(1000, 100, 24, 200, 10, 1, 100), "edxml.tooLarge");
		assertRefused(this.sample.replaceFirst("<ContentTransferEncoded>", "<ContentTransferEncoded>!!"),
				EdXmlReader.Budgets.DEFAULT, "edxml.badBase64");
	}

	@Test
	void badValuesAreNamed() {
		assertRefused(this.sample.replace("2020/02/25</edXML:PromulgationDate>", "ngày 25</edXML:PromulgationDate>"),
				EdXmlReader.Budgets.DEFAULT, "edxml.badDate");
		assertRefused(this.sample.replace("<edXML:Priority>1</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>"),
				EdXmlReader.Budgets.DEFAULT, "edxml.badPriority");
		assertRefused(this.sample.replaceAll("<edXML:Subject>[^<]*</edXML:Subject>", ""), EdXmlReader.Budgets.DEFAULT,
				"edxml.missing");
	}

	private EdXmlReader.Read read(String content) {
		return EdXmlReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
				EdXmlReader.Budgets.DEFAULT, this.folder);
	}

	private void assertRefused(String content, EdXmlReader.Budgets budgets, String key) {
		assertThatThrownBy(() -> EdXmlReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
				budgets, this.folder))
			.isInstanceOf(EdXmlRefused.class)
			.extracting((ex) -> ((EdXmlRefused) ex).messageKey())
			.isEqualTo(key);
	}

}
