package vn.edu.portal.system;

/**
 * The kinds of file the portal takes as an upload, each with its media type and its usual
 * extension. {@link FileKinds} tells the kind of a file from its bytes.
 */
public enum FileKind {

	PDF("application/pdf", "pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),

	PNG("image/png", "png"),

	JPEG("image/jpeg", "jpg"),

	WEBP("image/webp", "webp"),

	GIF("image/gif", "gif"),

	MP4("video/mp4", "mp4");

	private final String mediaType;

	private final String extension;

	FileKind(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The media type to send the file with, such as {@code application/pdf}. */
	public String mediaType() {
		return this.mediaType;
	}

	/** The usual extension, in lower case and without its dot, such as {@code pdf}. */
	public String extension() {
		return this.extension;
	}

}
