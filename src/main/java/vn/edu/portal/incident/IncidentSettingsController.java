package vn.edu.portal.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.audit.AuditLog;

/**
 * The settings of incidents: the targets per severity, for system administrators; and
 * whether a unit's staff submit its incidents, for the unit's leader.
 */
@Controller
class IncidentSettingsController {

	private static final int MAX_HOURS = 24 * 60;

	private final IncidentTargets targets;

	private final IncidentAccess access;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	IncidentSettingsController(IncidentTargets targets, IncidentAccess access, JdbcClient jdbc, AuditLog audit) {
		this.targets = targets;
		this.access = access;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The report and triage targets by severity, which every Department of the
	 * installation applies: only an administrator of the whole installation sets them.
	 */
	@GetMapping("/admin/incident-targets")
	@PreAuthorize("hasRole('SYSTEM_ADMIN') and principal.unitId() == null")
	String targets(Model model) {
		model.addAttribute("form", TargetsForm.of(this.targets.all()));
		model.addAttribute("units", IncidentTargets.TriageUnit.values());
		return "admin/incident-targets";
	}

	@PostMapping("/admin/incident-targets")
	@PreAuthorize("hasRole('SYSTEM_ADMIN') and principal.unitId() == null")
	String saveTargets(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") TargetsForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("units", IncidentTargets.TriageUnit.values());
			return "admin/incident-targets";
		}
		this.targets.update(form.targets(), user.id());
		redirect.addFlashAttribute("success", "incident.targets.saved");
		return "redirect:/admin/incident-targets";
	}

	@GetMapping("/incidents/settings")
	String unitSettings(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireLeader(user);
		model.addAttribute("staffMaySubmit", this.access.staffMaySubmit(user.unitId()));
		return "incidents/settings";
	}

	@PostMapping("/incidents/settings")
	@Transactional
	String saveUnitSettings(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean staffMaySubmit, RedirectAttributes redirect) {
		requireLeader(user);
		this.jdbc.sql("""
				insert into incident_unit_setting (unit_id, staff_may_submit, updated_by) values (?, ?, ?)
				on conflict (unit_id) do update set staff_may_submit = excluded.staff_may_submit, updated_at = now(),
				                                    updated_by = excluded.updated_by
				""").params(user.unitId(), staffMaySubmit, user.id()).update();
		this.audit.record("INCIDENT_UNIT_SETTING_CHANGED", "UNIT", user.unitId(),
				Map.of("staffMaySubmit", staffMaySubmit));
		redirect.addFlashAttribute("success", "incident.settings.saved");
		return "redirect:/incidents/settings";
	}

	private static void requireLeader(CurrentUser user) {
		if (user.unitId() == null || !user.hasRole(Role.UNIT_LEADER)) {
			throw new AccessDeniedException("a unit leader's setting");
		}
	}

	/** The four rows of targets as typed. */
	public static class TargetsForm {

		private List<Row> rows = new ArrayList<>();

		static TargetsForm of(List<IncidentTargets.Target> targets) {
			TargetsForm form = new TargetsForm();
			targets.forEach((target) -> form.rows.add(new Row(target.severity(), target.reportWithinHours(),
					target.triageWithin(), target.triageUnit())));
			return form;
		}

		Map<String, String> errors() {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			if (this.rows.size() != 4) {
				errors.put("rows", "incident.targets.rows");
				return errors;
			}
			for (int i = 0; i < this.rows.size(); i++) {
				Row row = this.rows.get(i);
				if (row.getReportWithinHours() == null || row.getReportWithinHours() < 1
						|| row.getReportWithinHours() > MAX_HOURS) {
					errors.put("rows" + i + ".reportWithinHours", "incident.targets.hours");
				}
				int max = (row.getTriageUnit() == IncidentTargets.TriageUnit.WORKING_DAYS) ? 60 : MAX_HOURS;
				if (row.getTriageWithin() == null || row.getTriageWithin() < 1 || row.getTriageWithin() > max) {
					errors.put("rows" + i + ".triageWithin", "incident.targets.triage");
				}
				if (row.getTriageUnit() == null) {
					errors.put("rows" + i + ".triageWithin", "incident.targets.triage");
				}
			}
			return errors;
		}

		List<IncidentTargets.Target> targets() {
			List<IncidentTargets.Target> targets = new ArrayList<>();
			for (int i = 0; i < this.rows.size(); i++) {
				Row row = this.rows.get(i);
				targets.add(new IncidentTargets.Target(i + 1, row.getReportWithinHours(), row.getTriageWithin(),
						row.getTriageUnit()));
			}
			return targets;
		}

		public List<Row> getRows() {
			return this.rows;
		}

		public void setRows(List<Row> rows) {
			this.rows = rows;
		}

		/** A severity's row. */
		public static class Row {

			private int severity;

			private Integer reportWithinHours;

			private Integer triageWithin;

			private IncidentTargets.TriageUnit triageUnit;

			public Row() {
			}

			Row(int severity, Integer reportWithinHours, Integer triageWithin, IncidentTargets.TriageUnit triageUnit) {
				this.severity = severity;
				this.reportWithinHours = reportWithinHours;
				this.triageWithin = triageWithin;
				this.triageUnit = triageUnit;
			}

			public int getSeverity() {
				return this.severity;
			}

			public void setSeverity(int severity) {
				this.severity = severity;
			}

			public Integer getReportWithinHours() {
				return this.reportWithinHours;
			}

			public void setReportWithinHours(Integer reportWithinHours) {
				this.reportWithinHours = reportWithinHours;
			}

			public Integer getTriageWithin() {
				return this.triageWithin;
			}

			public void setTriageWithin(Integer triageWithin) {
				this.triageWithin = triageWithin;
			}

			public IncidentTargets.TriageUnit getTriageUnit() {
				return this.triageUnit;
			}

			public void setTriageUnit(IncidentTargets.TriageUnit triageUnit) {
				this.triageUnit = triageUnit;
			}

		}

	}

}
