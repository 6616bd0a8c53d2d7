package vn.edu.portal.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;
import vn.edu.portal.organisation.UnitDirectory;
import vn.edu.portal.organisation.UnitDirectory.UnitInfo;
import vn.edu.portal.organisation.UnitNotFoundException;

/**
 * The units of the token owner's scope, for a token with {@code units:read}: its own
 * unit, and any unit of its scope by id, each with its open units one level down; a unit
 * outside the scope answers 404.
 */
@RestController
@RequestMapping("/api/v1/units")
@PreAuthorize("hasAuthority('SCOPE_units:read')")
class UnitApi {

	private final UnitDirectory units;

	private final ScopePolicy scope;

	UnitApi(UnitDirectory units, ScopePolicy scope) {
		this.units = units;
		this.scope = scope;
	}

	/** The token owner's unit (the root of its scope for an account without one). */
	@GetMapping("/mine")
	UnitInfo mine(@AuthenticationPrincipal ApiPrincipal caller) {
		UnitScope visible = this.scope.scopeOf(caller.user());
		Long own = (caller.user().unitId() != null) ? caller.user().unitId() : visible.rootUnitId();
		if (own == null) {
			throw new UnitNotFoundException(-1L);
		}
		return this.units.inScope(own, visible.path());
	}

	/** A unit of the token owner's scope, or 404. */
	@GetMapping("/{id}")
	UnitInfo read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.units.inScope(id, this.scope.scopeOf(caller.user()).path());
	}

}
