package vn.edu.portal.organisation;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.system.Formats;

/**
 * The unit tree for system administrators: browse, search, create, edit, move, close,
 * merge.
 */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UnitAdminController {

	private static final String FORM = "admin/units/form";

	private final UnitService units;

	private final UnitQueries queries;

	private final Formats formats;

	private final CurrentScope scope;

	UnitAdminController(UnitService units, UnitQueries queries, Formats formats, CurrentScope scope) {
		this.scope = scope;
		this.units = units;
		this.queries = queries;
		this.formats = formats;
	}

	@ModelAttribute("types")
	UnitType[] types() {
		return UnitType.values();
	}

	@ModelAttribute("ownerships")
	Ownership[] ownerships() {
		return Ownership.values();
	}

	@GetMapping
	String tree(@RequestParam(required = false) String q, @RequestParam(required = false) Long root, Model model) {
		boolean searching = q != null && !q.isBlank();
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("searching", searching);
		model.addAttribute("nodes",
				searching ? this.queries.search(q, this.scope.path()) : this.queries.tree(root, this.scope.path()));
		model.addAttribute("counts", this.queries.countsByType(root, this.scope.path()));
		if (root != null) {
			UnitQueries.UnitNode unit = this.queries.node(root, this.scope.path());
			model.addAttribute("root", unit);
			model.addAttribute("crumbs", this.queries.ancestors(unit.path(), this.scope.path()));
		}
		return "admin/units/tree";
	}

	@GetMapping("/new")
	String newUnit(@RequestParam(required = false) String parent, Model model) {
		model.addAttribute("form", UnitForm.blank(parent, this.formats.today()));
		return FORM;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			Unit unit = this.units.create(form.details(), form.parentCode());
			redirect.addFlashAttribute("success", "unit.created");
			return "redirect:/admin/units/" + unit.getId();
		}
		catch (UnitChangeRefused refused) {
			result.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Unit unit = this.units.get(id);
		model.addAttribute("form", UnitForm.of(unit, this.queries.codeOf(unit.getParentId())));
		return showEdit(unit, UnitCloseForm.blank(this.formats.today(), unit.getVersion()), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Unit unit = this.units.get(id);
		if (!result.hasErrors()) {
			try {
				this.units.edit(id, (form.version() != null) ? form.version() : -1, form.details(), form.parentCode());
				redirect.addFlashAttribute("success", "unit.saved");
				return "redirect:/admin/units/" + id;
			}
			catch (UnitChangeRefused refused) {
				result.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
			}
		}
		return showEdit(unit, UnitCloseForm.blank(this.formats.today(), unit.getVersion()), model);
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @Valid @ModelAttribute("closing") UnitCloseForm closing, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Unit unit = this.units.get(id);
		if (!result.hasErrors()) {
			try {
				this.units.close(id, closing.version(), closing.closedOnDate(), closing.successorCode());
				redirect.addFlashAttribute("success", "unit.closed");
				return "redirect:/admin/units/" + id;
			}
			catch (UnitService.OpenWorkRefusal refused) {
				model.addAttribute("openWork", refused.items());
				result.rejectValue(refused.field(), refused.messageKey());
			}
			catch (UnitChangeRefused refused) {
				result.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), null);
			}
		}
		model.addAttribute("form", UnitForm.of(unit, this.queries.codeOf(unit.getParentId())));
		return showEdit(unit, closing, model);
	}

	private String showEdit(Unit unit, UnitCloseForm closing, Model model) {
		model.addAttribute("unit", this.queries.node(unit.getId(), this.scope.path()));
		model.addAttribute("closing", closing);
		model.addAttribute("crumbs", this.queries.ancestors(unit.getPath(), this.scope.path()));
		model.addAttribute("children", this.queries.children(unit.getId()));
		model.addAttribute("predecessors", this.queries.predecessors(unit.getId(), this.scope.path()));
		return FORM;
	}

}
