package vn.edu.portal.system;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the bytes of stored files live. {@link FileStore} keeps what is known of a file
 * (its owner, name, kind, size, SHA-256) and leaves its bytes to this interface, so that
 * an object store can replace the database without touching the modules that attach
 * files. Implementations stream both ways: no file is held whole in memory.
 */
public interface FileContents {

	/**
	 * Writes a file's bytes, in the caller's transaction.
	 * @param fileId the file, already known to the store
	 * @param content its bytes, read to the end
	 * @return how many bytes were written
	 */
	long write(long fileId, InputStream content);

	/** Copies a file's bytes to a download. */
	void copy(long fileId, OutputStream out);

	/** Forgets a file's bytes; the store calls it before forgetting the file. */
	void delete(long fileId);

}
