package org.hall24.accounts.internal;

import org.hall24.accounts.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may open what. The citizen-facing pages (guide, progress lookup), the kiosk keyboard's pinyin
 * candidates ({@code /kiosk/ime/**}), the read-only public API, its docs and the
 * static assets need no sign-in; {@code /admin/**} needs the {@link StaffRole#ADMIN} role; anything
 * else needs a signed-in staff member. Staff sign in on our own form at {@code /login}; forms
 * carry a CSRF token, the API (which only reads without sign-in) does not. The admin API
 * ({@code /api/v1/admin/**}) has its own chain, checked first: {@link AdminApiSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/login";

    private static final String[] PUBLIC = {
            "/", "/guide", "/guide/**", "/track", "/track/**",
            // Citizens at a kiosk do not sign in; the kiosk module admits only paired kiosk browsers
            // (the keyboard's pinyin candidates under /kiosk/ime/** need no pairing).
            "/kiosk", "/kiosk/**",
            "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**",
            "/swagger-ui/**", "/swagger-ui.html",
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(StaffRole.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .defaultSuccessUrl("/admin/catalog")
                        .failureUrl(LOGIN + "?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
