package vn.edu.portal.system;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Removes what a photo says about where, when and with what it was taken, without
 * touching its pixels: the copy is lossless and streamed, segment by segment.
 * <ul>
 * <li>JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and every other application segment but
 * JFIF (APP0), the colour profile (APP2 {@code ICC_PROFILE}) and Adobe's colour transform
 * (APP14), and comments, before the first scan and between progressive scans; and
 * everything after the primary image's end marker (a Motion Photo's video, the further
 * images of a multi-picture file with their own EXIF);</li>
 * <li>PNG: the {@code eXIf}, {@code tEXt}, {@code zTXt}, {@code iTXt} and {@code tIME}
 * chunks;</li>
 * <li>WebP: the {@code EXIF} and {@code XMP } chunks, and their flags in the extended
 * header.</li>
 * </ul>
 * GIF has no EXIF or location and is kept as it is; so are the other kinds. A photo's
 * EXIF orientation goes with its EXIF.
 */
public final class ImageMetadata {

	private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

	private ImageMetadata() {
	}

	/**
	 * Whether files of this kind are rewritten by {@link #strip}.
	 */
	public static boolean strips(FileKind kind) {
		return kind == FileKind.JPEG || kind == FileKind.PNG || kind == FileKind.WEBP;
	}

	/**
	 * Writes a copy of an image without its metadata.
	 * @param kind the kind recognised from the file's bytes; one that {@link #strips}
	 * @param source the image
	 * @param target where the copy goes
	 * @throws UncheckedIOException if the image cannot be read as its kind says
	 */
	public static void strip(FileKind kind, Path source, Path target) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
			switch (kind) {
				case JPEG -> jpeg(in, out);
				case PNG -> png(in, out);
				case WEBP -> webp(in, out, source);
				default -> throw new IllegalArgumentException("not stripped: " + kind);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies the primary image of a JPEG file: its segments but the metadata, its scans
	 * (each progressive scan with the tables between them), and its end marker, after
	 * which nothing is copied: a Motion Photo's video, the further images of a
	 * multi-picture file and whatever else was appended go.
	 */
	private static void jpeg(DataInputStream in, OutputStream out) throws IOException {
		out.write(in.readUnsignedByte());
		out.write(in.readUnsignedByte());
		int marker = nextMarker(in);
		while (marker != 0xD9) {
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				marker = nextMarker(in);
				continue;
			}
			int length = in.readUnsignedShort();
			if (length < 2) {
				throw new IOException("bad JPEG segment");
			}
			byte[] data = new byte[length - 2];
			in.readFully(data);
			if (keepsJpegSegment(marker, data)) {
				writeSegment(out, marker, data);
			}
			marker = (marker == 0xDA) ? copyScan(in, out) : nextMarker(in);
		}
		out.write(0xFF);
		out.write(0xD9);
	}

	/** Reads a marker where one must stand, skipping fill bytes. */
	private static int nextMarker(DataInputStream in) throws IOException {
		if (in.readUnsignedByte() != 0xFF) {
			throw new IOException("not a JPEG marker");
		}
		int marker = in.readUnsignedByte();
		while (marker == 0xFF) {
			marker = in.readUnsignedByte();
		}
		return marker;
	}

	/**
	 * Copies a scan's entropy-coded data, with its stuffed bytes and restart markers, up
	 * to the marker that ends it.
	 * @return that marker; the end of the image if the file stops within the scan
	 */
	private static int copyScan(DataInputStream in, OutputStream out) throws IOException {
		int value = in.read();
		while (value >= 0) {
			if (value != 0xFF) {
				out.write(value);
				value = in.read();
				continue;
			}
			int next = in.read();
			while (next == 0xFF) {
				next = in.read();
			}
			if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
				return (next < 0) ? 0xD9 : next;
			}
			out.write(0xFF);
			out.write(next);
			value = in.read();
		}
		return 0xD9;
	}

	private static boolean keepsJpegSegment(int marker, byte[] data) {
		if (marker == 0xFE) {
			return false;
		}
		if (marker < 0xE0 || marker > 0xEF) {
			return true;
		}
		return marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && startsWith(data, "ICC_PROFILE"));
	}

	private static void writeSegment(OutputStream out, int marker, byte[] data) throws IOException {
		out.write(0xFF);
		out.write(marker);
		out.write((data.length + 2) >> 8);
		out.write((data.length + 2) & 0xFF);
		out.write(data);
	}

	private static void png(DataInputStream in, OutputStream out) throws IOException {
		byte[] signature = new byte[8];
		in.readFully(signature);
		out.write(signature);
		while (true) {
			int length;
			try {
				length = in.readInt();
			}
			catch (EOFException end) {
				return;
			}
			byte[] type = new byte[4];
			in.readFully(type);
			String name = new String(type, StandardCharsets.ISO_8859_1);
			if (length < 0) {
				throw new IOException("bad PNG chunk");
			}
			if (PNG_DROPPED.contains(name)) {
				in.skipNBytes(length + 4L);
				continue;
			}
			writeInt(out, length, ByteOrder.BIG_ENDIAN);
			out.write(type);
			copy(in, out, length + 4L);
			if (name.equals("IEND")) {
				return;
			}
		}
	}

	private static void webp(DataInputStream in, OutputStream out, Path source) throws IOException {
		// The RIFF size comes first, so a first pass over the chunk headers measures what
		// is dropped.
		long dropped = 0;
		try (DataInputStream scan = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)))) {
			scan.skipNBytes(12);
			Chunk chunk;
			while ((chunk = Chunk.read(scan)) != null) {
				if (WEBP_DROPPED.contains(chunk.name())) {
					dropped += 8 + chunk.padded();
				}
				scan.skipNBytes(chunk.padded());
			}
		}
		byte[] header = new byte[12];
		in.readFully(header);
		long riffSize = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
		out.write(header, 0, 4);
		writeInt(out, (int) (riffSize - dropped), ByteOrder.LITTLE_ENDIAN);
		out.write(header, 8, 4);
		Chunk chunk;
		while ((chunk = Chunk.read(in)) != null) {
			if (WEBP_DROPPED.contains(chunk.name())) {
				in.skipNBytes(chunk.padded());
				continue;
			}
			out.write(chunk.name().getBytes(StandardCharsets.ISO_8859_1));
			writeInt(out, (int) chunk.size(), ByteOrder.LITTLE_ENDIAN);
			if (chunk.name().equals("VP8X") && chunk.size() >= 1) {
				// The extended header's flags: clear those of EXIF (0x08) and XMP (0x04).
				out.write(in.readUnsignedByte() & ~0x0C);
				copy(in, out, chunk.padded() - 1);
			}
			else {
				copy(in, out, chunk.padded());
			}
		}
	}

	/** A RIFF chunk's header: its name and size (its data is padded to an even size). */
	private record Chunk(String name, long size) {

		long padded() {
			return this.size + (this.size & 1);
		}

		static Chunk read(DataInputStream in) throws IOException {
			byte[] name = in.readNBytes(4);
			if (name.length < 4) {
				return null;
			}
			byte[] size = new byte[4];
			in.readFully(size);
			return new Chunk(new String(name, StandardCharsets.ISO_8859_1),
					Integer.toUnsignedLong(ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN).getInt()));
		}

	}

	private static void copy(InputStream in, OutputStream out, long count) throws IOException {
		byte[] buffer = new byte[8192];
		long left = count;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException();
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	private static void writeInt(OutputStream out, int value, ByteOrder order) throws IOException {
		out.write(ByteBuffer.allocate(4).order(order).putInt(value).array());
	}

	private static boolean startsWith(byte[] data, String ascii) {
		byte[] prefix = ascii.getBytes(StandardCharsets.US_ASCII);
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
