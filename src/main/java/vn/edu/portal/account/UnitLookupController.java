package vn.edu.portal.account;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.organisation.UnitTree;

/**
 * The unit picker's type-ahead: open units of the account's scope, matched without
 * diacritics.
 */
@RestController
class UnitLookupController {

	static final int LIMIT = 20;

	private final UnitTree tree;

	private final ScopePolicy scope;

	private final MessageSource messages;

	UnitLookupController(UnitTree tree, ScopePolicy scope, MessageSource messages) {
		this.tree = tree;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/units/lookup")
	List<Suggestion> lookup(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q) {
		if (q.isBlank()) {
			return List.of();
		}
		return this.tree.search(q, this.scope.scopeOf(user).path(), LIMIT)
			.stream()
			.map((unit) -> new Suggestion(unit.id(), unit.code(), unit.name(),
					this.messages.getMessage("unit.type." + unit.type(), null, LocaleContextHolder.getLocale()),
					unit.parentName(), unit.children()))
			.toList();
	}

	/**
	 * One suggestion of the picker.
	 *
	 * @param id the unit
	 * @param code its code
	 * @param name its name
	 * @param type its type, in the user's language
	 * @param parent the name of the unit above it
	 * @param children how many open units are below it
	 */
	record Suggestion(long id, String code, String name, String type, String parent, long children) {
	}

}
