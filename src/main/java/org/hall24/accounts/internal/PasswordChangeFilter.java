package org.hall24.accounts.internal;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a staff member who signed in with a password they must change (an initial one) on the
 * change-password page: every staff page redirects there, every staff API call is refused (403,
 * problem+json), until a new password is set. Such a sign-in holds only {@link #REQUIRED}, none of
 * the account's roles, so a page this filter missed would still be forbidden.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    /** The only authority of a sign-in whose password must change first. */
    static final GrantedAuthority REQUIRED = new SimpleGrantedAuthority("PASSWORD_CHANGE_REQUIRED");

    private final RequestMatcher exempt;
    private final RequestMatcher api;
    private final String changePage;

    /**
     * @param exempt what such a sign-in may still open: public pages and assets, the change page, sign-out
     */
    PasswordChangeFilter(RequestMatcher exempt, RequestMatcher api, String changePage) {
        this.exempt = exempt;
        this.api = api;
        this.changePage = changePage;
    }

    static boolean mustChange(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> REQUIRED.getAuthority().equals(a.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || !mustChange(authentication) || exempt.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (api.matches(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"about:blank","title":"Forbidden","status":403,"detail":"The password must be changed first (%s)."}"""
                    .formatted(changePage));
            return;
        }
        response.sendRedirect(request.getContextPath() + changePage);
    }
}
