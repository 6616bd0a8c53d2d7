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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files users attach, recognised by their content, with their SHA-256: what is known
 * of them in PostgreSQL (table {@code stored_file}), their bytes behind
 * {@link FileContents}. Each belongs to an owner of another module (a directive, a
 * report, an incident), named by type and id; the owner's module checks who may see it.
 * Uploads and downloads are streamed.
 */
@Component
public class FileStore {

	private final JdbcClient jdbc;

	private final FileContents contents;

	FileStore(JdbcClient jdbc, FileContents contents) {
		this.jdbc = jdbc;
		this.contents = contents;
	}

	/**
	 * Checks a file received in a temporary file and stores it for its owner, cleaned: a
	 * photo without its metadata (see {@link ImageMetadata}), a video without its own
	 * (see {@link VideoMetadata}); a PDF that holds JavaScript, event actions, a program
	 * to launch or embedded files is refused (see {@link PdfActiveContent}), and so is a
	 * Word or Excel file that is a zip bomb (see {@link FileKinds#measureInflation}). The
	 * SHA-256 is that of the bytes stored, which a download gives back. Joins the
	 * caller's transaction.
	 * @throws FileRefused when it is empty, larger than allowed, not of an allowed kind,
	 * cannot be read as its kind to be cleaned or checked, or is a PDF with active
	 * content
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
		Path cleaned = null;
		try {
			cleaned = Files.createTempFile("cleaned", ".upload");
			Path stored = clean(fileKind, file, cleaned);
			long storedSize = size(stored);
			long id = this.jdbc.sql("""
					insert into stored_file (owner_type, owner_id, kind, file_name, media_type, size_bytes, sha256,
					                         uploaded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id
					""")
				.params(owner.type(), owner.id(), kind, name, fileKind.mediaType(), storedSize, sha256(stored),
						uploadedBy)
				.query(Long.class)
				.single();
			try (InputStream content = Files.newInputStream(stored)) {
				this.contents.write(id, content);
			}
			return find(owner, id).orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (cleaned != null) {
				cleaned.toFile().delete();
			}
		}
	}

	/**
	 * Cleans or checks a file as its kind requires.
	 * @return the file to store: the cleaned copy, or the file itself
	 */
	private static Path clean(FileKind kind, Path file, Path cleaned) {
		try {
			if (ImageMetadata.strips(kind)) {
				ImageMetadata.strip(kind, file, cleaned);
				return cleaned;
			}
			if (kind == FileKind.MP4) {
				VideoMetadata.strip(file, cleaned);
				return cleaned;
			}
			if (kind == FileKind.DOCX || kind == FileKind.XLSX) {
				FileKinds.measureInflation(file);
			}
			if (kind == FileKind.PDF && PdfActiveContent.find(file).isPresent()) {
				throw new FileRefused(FileRefused.Reason.ACTIVE_CONTENT);
			}
			return file;
		}
		catch (UncheckedIOException unreadable) {
			throw new FileRefused(FileRefused.Reason.DAMAGED);
		}
	}

	/**
	 * Gives the files of one owner to another: the files a form received before the
	 * object it makes was saved.
	 */
	public int transfer(Owner from, Owner to) {
		return this.jdbc
			.sql("update stored_file set owner_type = ?, owner_id = ? where owner_type = ? and owner_id = ?")
			.params(to.type(), to.id(), from.type(), from.id())
			.update();
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

	/** Copies a file's bytes to a download, a chunk at a time. */
	public void copy(long fileId, OutputStream out) {
		this.contents.copy(fileId, out);
	}

	public boolean remove(Owner owner, long fileId) {
		if (find(owner, fileId).isEmpty()) {
			return false;
		}
		this.contents.delete(fileId);
		return this.jdbc.sql("delete from stored_file where owner_type = ? and owner_id = ? and id = ?")
			.param(owner.type())
			.param(owner.id())
			.param(fileId)
			.update() == 1;
	}

	/**
	 * Removes every file of an owner that goes away (a deleted draft, erased evidence).
	 */
	public void removeAll(Owner owner) {
		of(owner).forEach((file) -> this.contents.delete(file.id()));
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

		/**
		 * Why a file was refused: empty, too large, of no kind allowed, not readable as
		 * its kind (damaged, truncated, protected by a password, or beyond the budgets of
		 * reading it), or a PDF with active content.
		 */
		public enum Reason {

			EMPTY, TOO_LARGE, NOT_RECOGNISED, DAMAGED, ACTIVE_CONTENT

		}

	}

}
