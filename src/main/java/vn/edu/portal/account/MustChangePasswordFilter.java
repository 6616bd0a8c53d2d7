package vn.edu.portal.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.edu.portal.system.Sessionless;

/**
 * Sends an account with a temporary password to the password change page until it has
 * chosen its own; only that page, logout, static files and errors stay open.
 */
@Component
class MustChangePasswordFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isAllowed(request) && mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Asked only where it matters: asking loads the session, which static files never
	 * need.
	 */
	private static boolean mustChangePassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.mustChangePassword();
	}

	private static boolean isAllowed(HttpServletRequest request) {
		String path = request.getServletPath();
		return Sessionless.matches(request) || path.equals("/account/password")
				|| path.equals(SecondFactorFilter.CODE_PAGE) || path.equals("/logout") || path.equals("/error");
	}

}
