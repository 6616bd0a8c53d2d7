package vn.edu.portal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The crafted files of {@code src/test/resources/hostile}, described in its README. */
public final class HostileFiles {

	private HostileFiles() {
	}

	/** The bytes of one of the files. */
	public static byte[] read(String name) {
		try (InputStream in = HostileFiles.class.getResourceAsStream("/hostile/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no hostile file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
