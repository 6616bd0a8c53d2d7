package vn.edu.portal.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An MP4 video loses its location and other metadata, box by box in place, and keeps
 * every other byte where it was.
 */
class VideoMetadataTests {

	private static final String LOCATION = "+10.2434+106.3756";

	@TempDir
	Path folder;

	@Test
	void theLocationInTheMoviesAndTheTracksUserDataAndInAppleMetadataIsBlankedInPlace() throws IOException {
		byte[] video = HostileFiles.read("gps.mp4");
		assertThat(ascii(video)).contains(LOCATION, "\u00a9xyz", "udta", "meta",
				"com.apple.quicktime.location.ISO6709");

		byte[] stripped = strip(video);

		assertThat(stripped).hasSameSizeAs(video);
		assertThat(ascii(stripped)).doesNotContain(LOCATION, "xyz", "udta", "meta", "com.apple");
		assertThat(topLevel(stripped)).containsExactly("ftyp", "moov", "mdat");
		assertThat(children(stripped, "moov")).containsExactly("mvhd", "trak", "free", "free");
		List<Integer> changed = new ArrayList<>();
		for (int i = 0; i < video.length; i++) {
			if (video[i] != stripped[i]) {
				changed.add(i);
			}
		}
		assertThat(changed).allSatisfy((at) -> assertThat(stripped[at]).as("a blanked byte")
			.isIn((byte) 0, (byte) 'f', (byte) 'r', (byte) 'e'));
		assertThat(FileKinds.recognise(write(stripped))).contains(FileKind.MP4);
	}

	@Test
	void bytesAppendedAfterTheLastBoxAreCutOff() throws IOException {
		byte[] video = HostileFiles.read("gps.mp4");
		ByteArrayOutputStream appended = new ByteArrayOutputStream();
		appended.writeBytes(video);
		appended.writeBytes("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));

		byte[] stripped = strip(appended.toByteArray());

		assertThat(stripped).hasSameSizeAs(video);
		assertThat(ascii(stripped)).doesNotContain("script");
	}

	@Test
	void aBoxOfSixtyFourBitSizeIsRead() throws IOException {
		byte[] video = HostileFiles.read("gps.mp4");
		ByteArrayOutputStream large = new ByteArrayOutputStream();
		large.writeBytes(video);
		byte[] location = ascii(LOCATION);
		large.writeBytes(ByteBuffer.allocate(16).putInt(1).put(ascii("udta")).putLong(16 + location.length).array());
		large.writeBytes(location);

		byte[] stripped = strip(large.toByteArray());

		assertThat(stripped).hasSize(large.size());
		assertThat(topLevel(stripped)).containsExactly("ftyp", "moov", "mdat", "free");
		assertThat(ascii(stripped)).doesNotContain(LOCATION);
	}

	@Test
	void aBoxLargerThanItsContainerMakesTheVideoUnreadable() throws IOException {
		byte[] video = HostileFiles.read("gps.mp4");
		int trak = ascii(video).indexOf("trak") - 4;
		ByteBuffer.wrap(video).putInt(trak, 0x7FFF_FFFF);
		Path source = write(video);

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> VideoMetadata.strip(source, this.folder.resolve("stripped.mp4")));
	}

	private byte[] strip(byte[] video) throws IOException {
		Path target = this.folder.resolve("stripped.mp4");
		VideoMetadata.strip(write(video), target);
		return Files.readAllBytes(target);
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.folder, "video", ".mp4"), content);
	}

	private static List<String> topLevel(byte[] video) {
		return boxes(video, 0, video.length);
	}

	private static List<String> children(byte[] video, String type) {
		int start = ascii(video).indexOf(type) - 4;
		return boxes(video, start + 8, start + ByteBuffer.wrap(video).getInt(start));
	}

	private static List<String> boxes(byte[] video, int start, int end) {
		List<String> types = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(video);
		for (int at = start; at < end;) {
			long size = Integer.toUnsignedLong(buffer.getInt(at));
			types.add(new String(video, at + 4, 4, StandardCharsets.ISO_8859_1));
			at += (int) ((size == 1) ? buffer.getLong(at + 8) : size);
		}
		return types;
	}

	private static String ascii(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
