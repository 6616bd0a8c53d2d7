package vn.edu.portal.incident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.FileKinds;
import vn.edu.portal.system.FileStore;

/**
 * Evidence files of incidents: PNG, JPEG, WebP, GIF, PDF, MP4, DOCX and XLSX, recognised
 * by their bytes, at most {@code portal.incidents.max-file-size} each and
 * {@code portal.incidents.max-files} per incident, cleaned or refused as the file store
 * does every upload (photos and videos without their metadata, no active PDF). A file is
 * kept as soon as it arrives: for a draft, with the draft; for a new form not yet saved,
 * with the form (by its key), until the incident it makes takes it.
 */
@Component
class IncidentEvidence {

	static final Set<FileKind> KINDS = EnumSet.of(FileKind.PNG, FileKind.JPEG, FileKind.WEBP, FileKind.GIF,
			FileKind.PDF, FileKind.MP4, FileKind.DOCX, FileKind.XLSX);

	static final String OWNER = "INCIDENT";

	static final String FORM_OWNER = "INCIDENT_FORM";

	private final FileStore files;

	private final IncidentProperties properties;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	IncidentEvidence(FileStore files, IncidentProperties properties, JdbcClient jdbc, AuditLog audit) {
		this.files = files;
		this.properties = properties;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	static FileStore.Owner ofIncident(long incidentId) {
		return new FileStore.Owner(OWNER, incidentId);
	}

	/** The holding place of a new-incident form's files, the account's own. */
	@Transactional
	FileStore.Owner ofForm(UUID formKey, long accountId) {
		this.jdbc
			.sql("insert into incident_form (form_key, account_id) values (?, ?) on conflict (form_key) do nothing")
			.params(formKey, accountId)
			.update();
		long[] form = this.jdbc.sql("select id, account_id from incident_form where form_key = ?")
			.param(formKey)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		if (form[1] != accountId) {
			throw new IncidentNotFoundException(0);
		}
		return new FileStore.Owner(FORM_OWNER, form[0]);
	}

	/**
	 * Keeps the files received, in a transaction of their own, so that a save refused
	 * later loses none of them.
	 * @return the files refused, each with why
	 */
	@Transactional
	List<Refusal> receive(FileStore.Owner owner, List<Upload> uploads, long by) {
		List<Refusal> refused = new ArrayList<>();
		int held = this.files.of(owner).size();
		for (Upload upload : uploads) {
			if (held >= this.properties.maxFiles()) {
				refused.add(new Refusal(upload.name(), "incident.file.TOO_MANY"));
				continue;
			}
			java.util.Optional<FileKind> kind = FileKinds.recognise(upload.file(), KINDS);
			if (kind.isPresent() && !FileKinds.extensionMatches(upload.name(), kind.get())) {
				refused.add(new Refusal(upload.name(), "incident.file.MISMATCHED"));
				continue;
			}
			try {
				FileStore.StoredFile stored = this.files.store(owner, "EVIDENCE", upload.name(), upload.file(), KINDS,
						this.properties.maxFileSize().toBytes(), by);
				held++;
				if (owner.type().equals(OWNER)) {
					this.audit.record("INCIDENT_EVIDENCE_ADDED", "INCIDENT", owner.id(),
							Map.of("file", stored.id(), "sha256", stored.sha256()));
				}
			}
			catch (FileStore.FileRefused refusal) {
				refused.add(new Refusal(upload.name(), "incident.file." + refusal.reason().name()));
			}
		}
		return refused;
	}

	List<FileStore.StoredFile> of(FileStore.Owner owner) {
		return this.files.of(owner);
	}

	int count(FileStore.Owner owner) {
		return this.files.of(owner).size();
	}

	void moveToIncident(FileStore.Owner form, long incidentId) {
		if (form.type().equals(FORM_OWNER)) {
			this.files.transfer(form, ofIncident(incidentId));
		}
	}

	boolean remove(FileStore.Owner owner, long fileId) {
		return this.files.remove(owner, fileId);
	}

	void eraseAll(long incidentId) {
		this.files.removeAll(ofIncident(incidentId));
	}

	/** Forgets the forms never saved, and their files, after some days. */
	@Transactional
	int forgetAbandonedForms() {
		List<Long> forms = this.jdbc.sql("""
				select id from incident_form where created_at < now() - make_interval(days => ?)
				""").param(this.properties.formsKeptDays()).query(Long.class).list();
		forms.forEach((form) -> this.files.removeAll(new FileStore.Owner(FORM_OWNER, form)));
		forms.forEach((form) -> this.jdbc.sql("delete from incident_form where id = ?").param(form).update());
		return forms.size();
	}

	/**
	 * A file received with a form.
	 *
	 * @param name the name it was sent under
	 * @param file where it waits
	 */
	record Upload(String name, Path file) {
	}

	/**
	 * A file refused.
	 *
	 * @param name the name it was sent under
	 * @param messageKey why
	 */
	record Refusal(String name, String messageKey) {
	}

}
