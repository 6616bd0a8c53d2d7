package vn.edu.portal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * File bytes in PostgreSQL, in chunks of {@value #CHUNK} bytes (table
 * {@code stored_file_chunk}): a file is written one chunk at a time and read back one
 * chunk per query, so memory stays at a chunk or two whatever the file's size.
 */
@Component
class DatabaseFileContents implements FileContents {

	static final int CHUNK = 1024 * 1024;

	private final JdbcClient jdbc;

	DatabaseFileContents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long write(long fileId, InputStream content) {
		byte[] buffer = new byte[CHUNK];
		long total = 0;
		try {
			for (int seq = 0;; seq++) {
				int read = content.readNBytes(buffer, 0, CHUNK);
				if (read == 0) {
					return total;
				}
				byte[] data = (read == CHUNK) ? buffer : java.util.Arrays.copyOf(buffer, read);
				this.jdbc.sql("insert into stored_file_chunk (file_id, seq, data) values (?, ?, ?)")
					.params(fileId, seq, data)
					.update();
				total += read;
				if (read < CHUNK) {
					return total;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void copy(long fileId, OutputStream out) {
		List<Integer> chunks = this.jdbc.sql("select seq from stored_file_chunk where file_id = ? order by seq")
			.param(fileId)
			.query(Integer.class)
			.list();
		for (int seq : chunks) {
			byte[] data = this.jdbc.sql("select data from stored_file_chunk where file_id = ? and seq = ?")
				.params(fileId, seq)
				.query(byte[].class)
				.single();
			try {
				out.write(data);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void delete(long fileId) {
		this.jdbc.sql("delete from stored_file_chunk where file_id = ?").param(fileId).update();
	}

}
