package vn.edu.portal.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit trail's search page, for system administrators and department leaders. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_LEADER')")
class AuditController {

	private final AuditQueries queries;

	AuditController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/audit")
	String search(@AuthenticationPrincipal AuditActor reader, @ModelAttribute("search") AuditSearch search,
			BindingResult result, Model model) {
		if (!result.hasFieldErrors("from") && !result.hasFieldErrors("to") && search.from() != null
				&& search.to() != null && search.to().isBefore(search.from())) {
			result.rejectValue("to", "audit.search.toBeforeFrom");
		}
		List<AuditQueries.AuditRow> rows = result.hasErrors() ? List.of()
				: this.queries.search(search, reader.unitId());
		model.addAttribute("events", rows.stream().limit(AuditQueries.PAGE_SIZE).toList());
		model.addAttribute("hasNext", rows.size() > AuditQueries.PAGE_SIZE);
		model.addAttribute("page", search.pageNumber());
		model.addAttribute("actions", this.queries.actions());
		return "audit/list";
	}

}
