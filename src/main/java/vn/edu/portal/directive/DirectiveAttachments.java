package vn.edu.portal.directive;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.FileStore.StoredFile;

/**
 * The files of a directive (the signed copy, appendices): PDF, DOCX or XLSX recognised by
 * their content, up to 20 MB, in the portal's file store, which refuses a PDF with active
 * content and a zip bomb.
 */
@Component
class DirectiveAttachments {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final Set<FileKind> ALLOWED = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX);

	private static final String OWNER = "DIRECTIVE";

	private final FileStore files;

	DirectiveAttachments(FileStore files) {
		this.files = files;
	}

	/**
	 * Checks a file received in a temporary file and stores it.
	 * @throws DirectiveRefused when it is empty, too large, not a PDF, DOCX or XLSX,
	 * unreadable, or a PDF with active content
	 */
	StoredFile add(long directiveId, Kind kind, String originalName, Path file, long uploadedBy) {
		try {
			return this.files.store(owner(directiveId), kind.name(), originalName, file, ALLOWED, MAX_BYTES,
					uploadedBy);
		}
		catch (FileStore.FileRefused refused) {
			throw new DirectiveRefused("file", switch (refused.reason()) {
				case EMPTY -> "directive.attachment.empty";
				case TOO_LARGE -> "directive.attachment.tooLarge";
				case NOT_RECOGNISED -> "directive.attachment.notRecognised";
				case DAMAGED -> "directive.attachment.damaged";
				case ACTIVE_CONTENT -> "directive.attachment.activeContent";
			});
		}
	}

	List<StoredFile> of(long directiveId) {
		return this.files.of(owner(directiveId));
	}

	Optional<StoredFile> find(long directiveId, long attachmentId) {
		return this.files.find(owner(directiveId), attachmentId);
	}

	void copy(long attachmentId, OutputStream out) {
		this.files.copy(attachmentId, out);
	}

	boolean remove(long directiveId, long attachmentId) {
		return this.files.remove(owner(directiveId), attachmentId);
	}

	void removeAll(long directiveId) {
		this.files.removeAll(owner(directiveId));
	}

	private static FileStore.Owner owner(long directiveId) {
		return new FileStore.Owner(OWNER, directiveId);
	}

	/** What a file is to the directive. */
	enum Kind {

		SIGNED, APPENDIX

	}

}
