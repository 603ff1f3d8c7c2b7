package org.hall24.accounts.internal;

import java.util.Arrays;
import java.util.stream.Stream;

import org.hall24.accounts.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. The citizen-facing pages (guide, progress lookup), the kiosk keyboard's pinyin
 * candidates ({@code /kiosk/ime/**}), the read-only public API, its docs and the
 * static assets need no sign-in; {@code /admin/**} needs the {@link StaffRole#ADMIN} role; anything
 * else needs a signed-in staff member. Staff sign in on our own form at {@code /login}; forms
 * carry a CSRF token, the API (which only reads without sign-in) does not. The admin API
 * ({@code /api/v1/admin/**}) has its own chain, checked first: {@link AdminApiSecurityConfiguration}.
 * <p>
 * Sign-in is throttled ({@link SignInThrottle}: a name or an address locked after too many failures,
 * refused even with the right password, answered {@code /login?locked=<minutes>}); a sign-in whose
 * password must change (the first administrator's initial one) reaches only {@code /staff/password}
 * until it has ({@link PasswordChangeFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/login";
    static final String CHANGE_PASSWORD = "/staff/password";

    private static final String[] PUBLIC = {
            "/", "/guide", "/guide/**", "/track", "/track/**",
            // Citizens at a kiosk do not sign in; the kiosk module admits only paired kiosk browsers
            // (the keyboard's pinyin candidates under /kiosk/ime/** need no pairing).
            "/kiosk", "/kiosk/**",
            // The smart file cabinet's screen: the cabinet module admits only browsers paired with a cabinet,
            // and signs collectors in itself (password and SMS code).
            "/cabinet", "/cabinet/**",
            "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**",
            "/swagger-ui/**", "/swagger-ui.html",
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffUserDetailsService users, PasswordEncoder passwords,
            SignInThrottle throttle, SecurityContextRepository contexts) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var api = paths.matcher("/api/**");
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        // No parent manager: a refusal here (a lock) must not fall through to another provider.
        ProviderManager signIn = new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle));
        RequestMatcher exempt = new OrRequestMatcher(Stream.<RequestMatcher>concat(
                Arrays.stream(PUBLIC).map(paths::matcher),
                Stream.of(paths.matcher(CHANGE_PASSWORD), paths.matcher(LOGIN), paths.matcher("/logout"),
                        paths.matcher(HttpMethod.GET, "/api/**"), paths.matcher(HttpMethod.HEAD, "/api/**"),
                        paths.matcher(HttpMethod.OPTIONS, "/api/**"))).toList());
        http.authenticationManager(signIn)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        // The sign-in page with any query (?error, ?logout, ?locked=<minutes>).
                        .requestMatchers(HttpMethod.GET, LOGIN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(StaffRole.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .successHandler(signedIn())
                        .failureHandler(refused())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .addFilterBefore(new PasswordChangeFilter(exempt, api, CHANGE_PASSWORD), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** To the page asked for (or the catalog); a password that must change first goes to the change page. */
    private static AuthenticationSuccessHandler signedIn() {
        SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();
        onward.setDefaultTargetUrl("/admin/catalog");
        return (request, response, authentication) -> {
            if (PasswordChangeFilter.mustChange(authentication)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                return;
            }
            onward.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Back to the sign-in page: "wrong username or password", or for how many minutes signing in is paused. */
    private static AuthenticationFailureHandler refused() {
        return (request, response, exception) -> {
            String query = exception instanceof ThrottledAuthenticationProvider.SignInLockedException locked
                    ? "?locked=" + Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60)
                    : "?error";
            response.sendRedirect(request.getContextPath() + LOGIN + query);
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
