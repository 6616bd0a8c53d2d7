package vn.edu.portal.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.edu.portal.system.Sessionless;

/**
 * Holds a session that signed in with a password alone where a second factor is due:
 * until the code is given it reaches only the code page; an account whose role requires a
 * second factor and has none reaches only the enrolment page (and the password change, if
 * it must change its password first). Logout, static files and errors stay open.
 */
@Component
class SecondFactorFilter extends OncePerRequestFilter {

	/** The session attribute holding what is due: {@link #VERIFY} or {@link #ENROL}. */
	static final String STATE = SecondFactorFilter.class.getName() + ".STATE";

	static final String VERIFY = "VERIFY";

	static final String ENROL = "ENROL";

	static final String CODE_PAGE = "/login/second-factor";

	static final String ENROLMENT_PAGE = "/account/second-factor";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath();
		if (isOpen(request, path)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		Object state = (session != null) ? session.getAttribute(STATE) : null;
		if (state != null) {
			if (VERIFY.equals(state) && !path.equals(CODE_PAGE)) {
				response.sendRedirect(request.getContextPath() + CODE_PAGE);
				return;
			}
			if (ENROL.equals(state) && !path.startsWith(ENROLMENT_PAGE) && !path.equals("/account/password")
					&& !path.startsWith("/webauthn/register")) {
				response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isOpen(HttpServletRequest request, String path) {
		return Sessionless.matches(request) || path.equals("/logout") || path.equals("/error") || path.equals("/login");
	}

}
