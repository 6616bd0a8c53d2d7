package vn.edu.portal.system;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Small photos carrying metadata, made here rather than kept as files. */
public final class TestImages {

	/** The bytes of the EXIF and XMP chunks that {@link #webpWithExif} adds. */
	static final int WEBP_METADATA_BYTES = 8 + 20 + 8 + 10;

	private TestImages() {
	}

	/** A 16×16 JPEG with an EXIF segment holding the text, and a comment. */
	public static byte[] jpegWithExif(String text) {
		byte[] plain = encode("jpg");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		byte[] exif = ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		segment(out, 0xE1, exif);
		segment(out, 0xFE, "a comment".getBytes(StandardCharsets.ISO_8859_1));
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A 16×16 PNG with a text chunk and an EXIF chunk holding the text. */
	public static byte[] pngWithText(String text) {
		byte[] plain = encode("png");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// Signature (8) and IHDR (4 + 4 + 13 + 4).
		out.write(plain, 0, 33);
		chunk(out, "tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "eXIf", ("MM\0*" + text).getBytes(StandardCharsets.ISO_8859_1));
		out.write(plain, 33, plain.length - 33);
		return out.toByteArray();
	}

	/** A plain 16×16 PNG. */
	public static byte[] png() {
		return encode("png");
	}

	/**
	 * An extended WebP (VP8X, flags for EXIF and XMP) with a VP8L chunk, an EXIF chunk of
	 * 20 bytes and an XMP chunk of 10: enough for the container, not a picture to show.
	 */
	public static byte[] webpWithExif(String text) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
		byte[] vp8x = new byte[10];
		vp8x[0] = 0x0C;
		riff(body, "VP8X", vp8x);
		riff(body, "VP8L", new byte[] { 0x2F, 0, 0, 0, 0 });
		riff(body, "EXIF", pad(text, 20));
		riff(body, "XMP ", pad("<x:xmpmeta/>", 10));
		byte[] content = body.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(content.length).array());
		out.writeBytes(content);
		return out.toByteArray();
	}

	private static byte[] pad(String text, int length) {
		byte[] bytes = new byte[length];
		byte[] source = text.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(source, 0, bytes, 0, Math.min(length, source.length));
		return bytes;
	}

	private static void riff(ByteArrayOutputStream out, String name, byte[] data) {
		out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
		out.writeBytes(data);
		if (data.length % 2 == 1) {
			out.write(0);
		}
	}

	private static byte[] encode(String format) {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 16; x++) {
			for (int y = 0; y < 16; y++) {
				image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		out.write((data.length + 2) >> 8);
		out.write((data.length + 2) & 0xFF);
		out.writeBytes(data);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
