package vn.edu.portal.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.directive.DirectiveExchange;
import vn.edu.portal.directive.DirectiveExchange.IssuedDocument;

/**
 * Issued directives, for a token with {@code directives:read}, as the pages show them.
 */
@RestController
@RequestMapping("/api/v1/directives")
@PreAuthorize("hasAuthority('SCOPE_directives:read')")
class DirectiveApi {

	private final DirectiveCatalog catalog;

	private final DirectiveExchange exchange;

	DirectiveApi(DirectiveCatalog catalog, DirectiveExchange exchange) {
		this.catalog = catalog;
		this.exchange = exchange;
	}

	/** The latest issued directives the token's owner may read. */
	@GetMapping
	List<DirectiveCatalog.Summary> list(@AuthenticationPrincipal ApiPrincipal caller,
			@RequestParam(defaultValue = "50") int limit) {
		return this.catalog.recentlyIssued(caller.user(), Math.max(1, Math.min(limit, 200)));
	}

	/**
	 * An issued directive with its recipients and deadlines; 404 if the owner may not
	 * read it.
	 */
	@GetMapping("/{id}")
	Directive read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		IssuedDocument d = this.exchange.issued(caller.user(), id);
		return new Directive(d.id(), d.numberAndSymbol(), d.type(), d.subject(), d.issuedOn(), d.urgency().name(),
				d.recalled(), d.amendment(), d.signerName(), d.acknowledgeBy(), d.reportDue(),
				d.recipients()
					.stream()
					.map((r) -> new Recipient(r.unitId(), r.name(), r.implementing() ? "IMPLEMENT" : "INFORM"))
					.toList());
	}

	/**
	 * An issued directive.
	 *
	 * @param id its id
	 * @param numberAndSymbol "340/SGD&ĐT-CTTT"
	 * @param type its document type
	 * @param subject its subject
	 * @param issuedOn its signing day
	 * @param urgency NORMAL, URGENT, VERY_URGENT or FLASH
	 * @param recalled whether it was recalled
	 * @param amendment how many times it was amended
	 * @param signer who signed it
	 * @param acknowledgeBy the acknowledgement deadline
	 * @param reportDue the (first) report deadline, or {@code null}
	 * @param recipients its recipient units
	 */
	record Directive(long id, String numberAndSymbol, String type, String subject, LocalDate issuedOn, String urgency,
			boolean recalled, int amendment, String signer, LocalDate acknowledgeBy, LocalDate reportDue,
			List<Recipient> recipients) {
	}

	/**
	 * A recipient unit.
	 *
	 * @param unitId the unit
	 * @param name its name
	 * @param role IMPLEMENT or INFORM
	 */
	record Recipient(long unitId, String name, String role) {
	}

}
