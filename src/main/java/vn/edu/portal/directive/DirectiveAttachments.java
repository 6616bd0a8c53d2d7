package vn.edu.portal.directive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.FileKinds;

/**
 * The files of a directive (the signed PDF, appendices): PDF, DOCX or XLSX recognised by
 * their content, up to 20 MB, stored in PostgreSQL with their SHA-256.
 */
@Component
class DirectiveAttachments {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final Set<FileKind> ALLOWED = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	DirectiveAttachments(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Checks a file received in a temporary file and stores it.
	 * @throws DirectiveRefused when it is empty, too large or not a PDF, DOCX or XLSX
	 */
	Attachment add(long directiveId, Kind kind, String originalName, Path file, long uploadedBy) {
		long size = size(file);
		if (size == 0) {
			throw new DirectiveRefused("file", "directive.attachment.empty");
		}
		if (size > MAX_BYTES) {
			throw new DirectiveRefused("file", "directive.attachment.tooLarge");
		}
		FileKind fileKind = FileKinds.recognise(file, ALLOWED)
			.orElseThrow(() -> new DirectiveRefused("file", "directive.attachment.notRecognised"));
		String name = FileKinds.safeFileName((originalName != null) ? originalName : "", fileKind);
		String sha256 = sha256(file);
		Long id = this.jdbcTemplate.execute((java.sql.Connection connection) -> {
			try (var statement = connection.prepareStatement(
					"""
							insert into directive_attachment (directive_id, kind, file_name, media_type, size_bytes, sha256, content, uploaded_by)
							values (?, ?, ?, ?, ?, ?, ?, ?) returning id
							""");
					InputStream content = Files.newInputStream(file)) {
				statement.setLong(1, directiveId);
				statement.setString(2, kind.name());
				statement.setString(3, name);
				statement.setString(4, fileKind.mediaType());
				statement.setLong(5, size);
				statement.setString(6, sha256);
				statement.setBinaryStream(7, content, size);
				statement.setLong(8, uploadedBy);
				try (var result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return new Attachment(id, kind, name, fileKind.mediaType(), size, sha256, Instant.now());
	}

	List<Attachment> of(long directiveId) {
		return this.jdbc.sql("""
				select id, kind, file_name, media_type, size_bytes, sha256, uploaded_at from directive_attachment
				where directive_id = ? order by kind desc, uploaded_at, id
				""").param(directiveId).query(DirectiveAttachments::attachment).list();
	}

	private static Attachment attachment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Attachment(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	Optional<Attachment> find(long directiveId, long attachmentId) {
		return this.jdbc.sql("""
				select id, kind, file_name, media_type, size_bytes, sha256, uploaded_at from directive_attachment
				where directive_id = ? and id = ?
				""").param(directiveId).param(attachmentId).query(DirectiveAttachments::attachment).optional();
	}

	/** Copies a file's bytes to a download, in chunks. */
	void copy(long attachmentId, OutputStream out) {
		this.jdbcTemplate.query("select content from directive_attachment where id = ?", (java.sql.ResultSet rs) -> {
			try (InputStream content = rs.getBinaryStream(1)) {
				content.transferTo(out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, attachmentId);
	}

	boolean remove(long directiveId, long attachmentId) {
		return this.jdbc.sql("delete from directive_attachment where id = ? and directive_id = ?")
			.param(attachmentId)
			.param(directiveId)
			.update() == 1;
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

	/** What a file is to the directive. */
	enum Kind {

		SIGNED, APPENDIX

	}

	/**
	 * A stored file.
	 *
	 * @param id the file
	 * @param kind signed copy or appendix
	 * @param fileName its safe name
	 * @param mediaType its media type, from its content
	 * @param size its size in bytes
	 * @param sha256 its SHA-256, in hex
	 * @param uploadedAt when it was stored
	 */
	record Attachment(long id, Kind kind, String fileName, String mediaType, long size, String sha256,
			Instant uploadedAt) {

		public String sizeText() {
			return (this.size >= 1024 * 1024) ? String.format("%.1f MB", this.size / (1024.0 * 1024))
					: String.format("%d KB", Math.max(1, this.size / 1024));
		}

	}

}
