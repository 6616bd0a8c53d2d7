package vn.edu.portal.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what an MP4 video says about where, when and with what it was filmed: the user
 * data ({@code udta}, where phones put the location as {@code ©xyz}), the metadata
 * ({@code meta}, where Apple's {@code com.apple.quicktime.location.ISO6709} goes), the
 * additional metadata container ({@code meco}) and XMP ({@code uuid} boxes of XMP), at
 * the top level, in the movie, in each track and in each fragment.
 * <p>
 * Each such box becomes a {@code free} box of the same size with its content zeroed: no
 * other byte moves, so that the offsets of the samples stay true and the video plays as
 * before. Bytes after the last box that are no box (a vendor's trailer, anything
 * appended) are cut off; within a container, a box that does not fit makes the file
 * unreadable. Samples are kept as they are, including the data tracks of action cameras
 * that record a GPS track as video samples.
 */
final class VideoMetadata {

	/** The boxes whose children are read. */
	private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "moof", "traf");

	/** The boxes that are blanked. */
	private static final Set<String> METADATA = Set.of("udta", "meta", "meco");

	/** The user type of an XMP {@code uuid} box. */
	private static final byte[] XMP_UUID = { (byte) 0xBE, 0x7A, (byte) 0xCF, (byte) 0xCB, (byte) 0x97, (byte) 0xA9,
			0x42, (byte) 0xE8, (byte) 0x9C, 0x71, (byte) 0x99, (byte) 0x94, (byte) 0x91, (byte) 0xE3, (byte) 0xAF,
			(byte) 0xAC };

	/** The most boxes read, so that a file of millions of empty boxes costs little. */
	private static final int MAX_BOXES = 100_000;

	/** The deepest nesting of containers read. */
	private static final int MAX_DEPTH = 8;

	private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);

	private VideoMetadata() {
	}

	/**
	 * Writes a copy of an MP4 video without its metadata.
	 * @throws UncheckedIOException if the file is not a well-formed sequence of boxes
	 */
	static void strip(Path source, Path target) {
		try {
			Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel file = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
				new Walk(file).boxes(0, file.size(), 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A walk over the boxes of one file, counting them. */
	private static final class Walk {

		private final FileChannel file;

		private int boxes;

		Walk(FileChannel file) {
			this.file = file;
		}

		/**
		 * Reads the boxes from start to end, which they must fill exactly; at the top
		 * level, what follows the last box is cut off.
		 */
		void boxes(long start, long end, int depth) throws IOException {
			if (depth > MAX_DEPTH) {
				throw new IOException("boxes nested too deep");
			}
			long position = start;
			while (position < end) {
				if (++this.boxes > MAX_BOXES) {
					throw new IOException("too many boxes");
				}
				ByteBuffer header = (end - position >= 8) ? read(position, 8) : null;
				long size = (header != null) ? Integer.toUnsignedLong(header.getInt()) : 0;
				int headerSize = 8;
				if (size == 1 && end - position >= 16) {
					size = read(position + 8, 8).getLong();
					headerSize = 16;
				}
				else if (size == 0 && header != null) {
					size = end - position;
				}
				if (header == null || size < headerSize || size > end - position) {
					if (depth > 0) {
						throw new IOException("no box fits at " + position);
					}
					this.file.truncate(position);
					return;
				}
				String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
				if (METADATA.contains(type) || (type.equals("uuid") && size >= headerSize + 16
						&& Arrays.equals(read(position + headerSize, 16).array(), XMP_UUID))) {
					blank(position, headerSize, size);
				}
				else if (CONTAINERS.contains(type)) {
					boxes(position + headerSize, position + size, depth + 1);
				}
				position += size;
			}
		}

		/** Renames a box {@code free} and zeroes its content. */
		private void blank(long position, int headerSize, long size) throws IOException {
			this.file.write(ByteBuffer.wrap(FREE), position + 4);
			ByteBuffer zeros = ByteBuffer.allocate(8192);
			long at = position + headerSize;
			long end = position + size;
			while (at < end) {
				zeros.clear().limit((int) Math.min(zeros.capacity(), end - at));
				at += this.file.write(zeros, at);
			}
		}

		private ByteBuffer read(long position, int count) throws IOException {
			ByteBuffer buffer = ByteBuffer.allocate(count);
			while (buffer.hasRemaining()) {
				if (this.file.read(buffer, position + buffer.position()) < 0) {
					throw new IOException("file ends within a box");
				}
			}
			return buffer.flip();
		}

	}

}
