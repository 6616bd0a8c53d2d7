package vn.edu.portal.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import io.nayuki.qrcodegen.QrCode;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.edu.portal.audit.AuditLog;

/**
 * Enrolment of an authenticator app on the profile: a QR code (and its secret, to type
 * in), confirmed with a code the app shows; then ten recovery codes, shown once.
 */
@Controller
@RequestMapping(SecondFactorFilter.ENROLMENT_PAGE)
class SecondFactorEnrolmentController {

	private static final String PENDING = SecondFactorEnrolmentController.class.getName() + ".SECRET";

	private static final String VIEW = "account/second-factor-enrolment";

	private static final String CODES_VIEW = "account/recovery-codes";

	private final SecondFactor secondFactor;

	private final MfaProperties mfa;

	private final AuditLog audit;

	private final Clock clock;

	private final Passkeys.Registered passkeys;

	SecondFactorEnrolmentController(SecondFactor secondFactor, MfaProperties mfa, AuditLog audit, Clock clock,
			Passkeys.Registered passkeys) {
		this.passkeys = passkeys;
		this.secondFactor = secondFactor;
		this.mfa = mfa;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
		return show(user, session, model);
	}

	@GetMapping(value = "/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qrCode(@AuthenticationPrincipal CurrentUser user, HttpSession session) {
		String secret = (String) session.getAttribute(PENDING);
		if (secret == null) {
			return ResponseEntity.notFound().build();
		}
		QrCode qr = QrCode.encodeText(Totp.uri(this.mfa.issuer(), user.username(), secret), QrCode.Ecc.MEDIUM);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(svg(qr));
	}

	@PostMapping
	String enrol(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
			HttpSession session, Model model) {
		String secret = (String) session.getAttribute(PENDING);
		if (secret == null) {
			return "redirect:" + SecondFactorFilter.ENROLMENT_PAGE;
		}
		Optional<List<String>> codes = this.secondFactor.enrol(user.id(), secret, code, this.clock.instant());
		if (codes.isEmpty()) {
			model.addAttribute("error", "secondFactor.wrong");
			return show(user, session, model);
		}
		session.removeAttribute(PENDING);
		session.removeAttribute(SecondFactorFilter.STATE);
		this.audit.record("SECOND_FACTOR_ENROLLED", "ACCOUNT", user.id(), Map.of("method", "totp"));
		model.addAttribute("codes", codes.get());
		return CODES_VIEW;
	}

	@PostMapping("/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (!this.secondFactor.enrolled(user.id())) {
			return "redirect:" + SecondFactorFilter.ENROLMENT_PAGE;
		}
		model.addAttribute("codes", this.secondFactor.newRecoveryCodes(user.id()));
		this.audit.record("RECOVERY_CODES_RENEWED", "ACCOUNT", user.id(), Map.of());
		return CODES_VIEW;
	}

	private String show(CurrentUser user, HttpSession session, Model model) {
		boolean enrolled = this.secondFactor.enrolled(user.id());
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("required", this.mfa.requiredFor(user));
		model.addAttribute("passkeys", this.passkeys.of(user.username()));
		if (enrolled) {
			model.addAttribute("recoveryCodesLeft", this.secondFactor.recoveryCodesLeft(user.id()));
			return VIEW;
		}
		String secret = (String) session.getAttribute(PENDING);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING, secret);
		}
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
		return VIEW;
	}

	/**
	 * The QR code as an SVG image: one path of the dark modules, four modules of margin.
	 */
	static String svg(QrCode qr) {
		int border = 4;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		int size = qr.size + border * 2;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

}
