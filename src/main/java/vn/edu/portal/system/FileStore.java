package vn.edu.portal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files users attach, kept in PostgreSQL (table {@code stored_file}) and recognised
 * by their content, with their SHA-256. Each belongs to an owner of another module (a
 * directive, a report), named by type and id; the owner's module checks who may see it.
 * Uploads are written as a stream, downloads copied out in chunks.
 */
@Component
public class FileStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	FileStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Checks a file received in a temporary file and stores it for its owner.
	 * @throws FileRefused when it is empty, larger than allowed, or not of an allowed
	 * kind
	 */
	public StoredFile store(Owner owner, String kind, String originalName, Path file, Set<FileKind> allowed,
			long maxBytes, long uploadedBy) {
		long size = size(file);
		if (size == 0) {
			throw new FileRefused(FileRefused.Reason.EMPTY);
		}
		if (size > maxBytes) {
			throw new FileRefused(FileRefused.Reason.TOO_LARGE);
		}
		FileKind fileKind = FileKinds.recognise(file, allowed)
			.orElseThrow(() -> new FileRefused(FileRefused.Reason.NOT_RECOGNISED));
		String name = FileKinds.safeFileName((originalName != null) ? originalName : "", fileKind);
		String sha256 = sha256(file);
		Long id = this.jdbcTemplate.execute((java.sql.Connection connection) -> {
			try (var statement = connection.prepareStatement("""
					insert into stored_file (owner_type, owner_id, kind, file_name, media_type, size_bytes, sha256,
					                         content, uploaded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
					"""); InputStream content = Files.newInputStream(file)) {
				statement.setString(1, owner.type());
				statement.setLong(2, owner.id());
				statement.setString(3, kind);
				statement.setString(4, name);
				statement.setString(5, fileKind.mediaType());
				statement.setLong(6, size);
				statement.setString(7, sha256);
				statement.setBinaryStream(8, content, size);
				statement.setLong(9, uploadedBy);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return find(owner, id).orElseThrow();
	}

	/** The owner's files, in the order they were stored. */
	public List<StoredFile> of(Owner owner) {
		return this.jdbc.sql("""
				select id, kind, file_name, media_type, size_bytes, sha256, uploaded_at from stored_file
				where owner_type = ? and owner_id = ? order by uploaded_at, id
				""").param(owner.type()).param(owner.id()).query(FileStore::storedFile).list();
	}

	public Optional<StoredFile> find(Owner owner, long fileId) {
		return this.jdbc.sql("""
				select id, kind, file_name, media_type, size_bytes, sha256, uploaded_at from stored_file
				where owner_type = ? and owner_id = ? and id = ?
				""").param(owner.type()).param(owner.id()).param(fileId).query(FileStore::storedFile).optional();
	}

	/** Copies a file's bytes to a download. */
	public void copy(long fileId, OutputStream out) {
		this.jdbcTemplate.query("select content from stored_file where id = ?", (ResultSet rs) -> {
			try (InputStream content = rs.getBinaryStream(1)) {
				content.transferTo(out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, fileId);
	}

	public boolean remove(Owner owner, long fileId) {
		return this.jdbc.sql("delete from stored_file where owner_type = ? and owner_id = ? and id = ?")
			.param(owner.type())
			.param(owner.id())
			.param(fileId)
			.update() == 1;
	}

	/** Removes every file of an owner that goes away (a deleted draft). */
	public void removeAll(Owner owner) {
		this.jdbc.sql("delete from stored_file where owner_type = ? and owner_id = ?")
			.param(owner.type())
			.param(owner.id())
			.update();
	}

	private static StoredFile storedFile(ResultSet rs, int row) throws SQLException {
		return new StoredFile(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(Path file) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Who a file belongs to.
	 *
	 * @param type the kind of owner ("DIRECTIVE", "REPORT")
	 * @param id the owner's id
	 */
	public record Owner(String type, long id) {
	}

	/**
	 * A stored file.
	 *
	 * @param id the file
	 * @param kind what it is to its owner
	 * @param fileName its safe name
	 * @param mediaType its media type, from its content
	 * @param size its size in bytes
	 * @param sha256 its SHA-256, in hex
	 * @param uploadedAt when it was stored
	 */
	public record StoredFile(long id, String kind, String fileName, String mediaType, long size, String sha256,
			Instant uploadedAt) {

		public String sizeText() {
			return (this.size >= 1024 * 1024) ? String.format("%.1f MB", this.size / (1024.0 * 1024))
					: String.format("%d KB", Math.max(1, this.size / 1024));
		}

	}

	/** A file refused, and why. */
	public static class FileRefused extends RuntimeException {

		private final Reason reason;

		FileRefused(Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

		/** Why a file was refused. */
		public enum Reason {

			EMPTY, TOO_LARGE, NOT_RECOGNISED

		}

	}

}
