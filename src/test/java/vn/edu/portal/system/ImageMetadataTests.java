package vn.edu.portal.system;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Photos lose their EXIF, location and text, and keep every pixel. */
class ImageMetadataTests {

	@TempDir
	Path folder;

	@Test
	void aJpegLosesItsExifWithTheLocationAndItsCommentAndKeepsItsPixels() throws IOException {
		byte[] jpeg = TestImages.jpegWithExif("GPSLatitude 10.2434 N; GPSLongitude 106.3756 E");
		Path source = write("photo.jpg", jpeg);
		Path target = this.folder.resolve("stripped.jpg");

		ImageMetadata.strip(FileKind.JPEG, source, target);

		byte[] stripped = Files.readAllBytes(target);
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif", "GPSLatitude");
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPSLatitude",
				"a comment");
		assertSamePixels(source, target);
	}

	@Test
	void aProgressiveMotionPhotoKeepsOnlyItsPrimaryImageWithEveryScanAndPixel() throws IOException {
		byte[] photo = HostileFiles.read("gps-progressive-motion-photo.jpg");
		Path source = write("motion.jpg", photo);
		Path target = this.folder.resolve("stripped.jpg");
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("GPSLatitude=10.2434N",
				"GPSLatitude=21.0285N", "MotionPhoto", "between scans", "ftypmp42");

		ImageMetadata.strip(FileKind.JPEG, source, target);

		byte[] stripped = Files.readAllBytes(target);
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "MotionPhoto", "Exif",
				"between scans", "ftyp", "mdat");
		assertThat(markers(stripped, 0xDA)).as("every scan of the primary image, none of the second")
			.isEqualTo(markers(photo, 0xDA) - 1)
			.isGreaterThan(5);
		assertThat(markers(stripped, 0xD8)).as("one image").isOne();
		assertThat(stripped[stripped.length - 2] & 0xFF).isEqualTo(0xFF);
		assertThat(stripped[stripped.length - 1] & 0xFF).isEqualTo(0xD9);
		assertSamePixels(source, target);
	}

	@Test
	void aJpegCutWithinItsScanIsClosedWithAnEndMarker() throws IOException {
		byte[] photo = TestImages.jpegWithExif("GPSLatitude 10.2434 N");
		Path source = write("cut.jpg", java.util.Arrays.copyOf(photo, photo.length - 4));
		Path target = this.folder.resolve("stripped.jpg");

		ImageMetadata.strip(FileKind.JPEG, source, target);

		byte[] stripped = Files.readAllBytes(target);
		assertThat(stripped[stripped.length - 1] & 0xFF).isEqualTo(0xD9);
		assertThat(ImageIO.read(target.toFile())).isNotNull();
	}

	@Test
	void aPngLosesWhatIsAppendedAfterItsEnd() throws IOException {
		byte[] png = HostileFiles.read("html-after-iend.png");
		Path target = this.folder.resolve("stripped.png");

		ImageMetadata.strip(FileKind.PNG, write("page.png", png), target);

		assertThat(new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1)).endsWith("IEND\u00aeB`\u0082")
			.doesNotContain("<html", "script");
	}

	@Test
	void aPngLosesItsTextAndExifChunks() throws IOException {
		byte[] png = TestImages.pngWithText("GPS 10.2434 106.3756");
		Path source = write("photo.png", png);
		Path target = this.folder.resolve("stripped.png");

		ImageMetadata.strip(FileKind.PNG, source, target);

		assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("tEXt", "eXIf", "GPS 10.2434");
		assertThat(new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1)).doesNotContain("tEXt", "eXIf",
				"GPS 10.2434");
		assertSamePixels(source, target);
		assertThat(FileKinds.recognise(target)).contains(FileKind.PNG);
	}

	@Test
	void aWebpLosesItsExifAndXmpChunksAndTheirFlags() throws IOException {
		byte[] webp = TestImages.webpWithExif("GPS 10.2434 106.3756");
		Path source = write("photo.webp", webp);
		Path target = this.folder.resolve("stripped.webp");

		ImageMetadata.strip(FileKind.WEBP, source, target);

		byte[] stripped = Files.readAllBytes(target);
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("EXIF", "XMP ", "GPS");
		assertThat(stripped.length).isEqualTo(webp.length - TestImages.WEBP_METADATA_BYTES);
		int riffSize = (stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8 | (stripped[6] & 0xFF) << 16
				| (stripped[7] & 0xFF) << 24;
		assertThat(riffSize).isEqualTo(stripped.length - 8);
		assertThat(stripped[20] & 0x0C).as("EXIF and XMP flags cleared").isZero();
		assertThat(FileKinds.recognise(target)).contains(FileKind.WEBP);
	}

	/**
	 * How many times a marker stands in a JPEG's bytes (its stuffed bytes and restarts
	 * aside, the entropy-coded data never holds one).
	 */
	private static int markers(byte[] jpeg, int marker) {
		int count = 0;
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
				count++;
			}
		}
		return count;
	}

	private Path write(String name, byte[] content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.write(file, content);
		return file;
	}

	private static void assertSamePixels(Path one, Path other) throws IOException {
		BufferedImage a = ImageIO.read(one.toFile());
		BufferedImage b = ImageIO.read(other.toFile());
		assertThat(b.getWidth()).isEqualTo(a.getWidth());
		for (int x = 0; x < a.getWidth(); x++) {
			for (int y = 0; y < a.getHeight(); y++) {
				assertThat(b.getRGB(x, y)).isEqualTo(a.getRGB(x, y));
			}
		}
	}

}
