package org.hall24.accounts.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hall24.accounts.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the admin API ({@code /api/v1/admin/**}, e.g. the device registry for provisioning
 * tools): staff with the {@link StaffRole#ADMIN} role, signed in by HTTP Basic on every request.
 * Checked before {@link SecurityConfiguration}'s chain, which lets anyone read {@code /api/**}.
 * <ul>
 * <li>Stateless: no session is created or read, so a browser's staff session does not reach the
 * API, and the API needs no CSRF token — a cross-site page cannot set an {@code Authorization}
 * header.</li>
 * <li>A browser that cached Basic credentials (after its prompt) would still attach them to a
 * cross-site request, so any request a browser marks as sent from another site
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) is refused. Tools send no such header.</li>
 * <li>No or wrong credentials: 401 with {@code WWW-Authenticate: Basic}; a signed-in account
 * without the role: 403. Both as {@code application/problem+json}.</li>
 * </ul>
 * Sign-ins are checked like the form's: the same accounts, the same {@link SignInThrottle} (so
 * Basic is no way round the lock on a guessed name or address), and an account whose password must
 * still change has no role here, so it gets 403 until it changed the password on the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfiguration {

    static final String PATHS = "/api/v1/admin/**";
    static final String REALM = "Hall24 admin API";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request a browser sent from a page of another site. */
    private static final RequestMatcher CROSS_SITE = request -> {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    };

    @Bean
    @Order(1)
    SecurityFilterChain adminApiSecurityFilterChain(HttpSecurity http, StaffUserDetailsService users,
            PasswordEncoder passwords, SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        http.securityMatcher(PATHS)
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(CROSS_SITE).denyAll()
                        .anyRequest().hasRole(StaffRole.ADMIN.name()))
                .httpBasic(basic -> basic
                        .realmName(REALM)
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response))
                        .accessDeniedHandler((request, response, e) -> problem(request, response, HttpStatus.FORBIDDEN,
                                "https://hall24.org/problems/forbidden",
                                "This API is for staff with the ADMIN role, called by a tool, not from another site's page.")));
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        problem(request, response, HttpStatus.UNAUTHORIZED, "https://hall24.org/problems/unauthorized",
                "Sign in with HTTP Basic: a staff account's username and password.");
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
