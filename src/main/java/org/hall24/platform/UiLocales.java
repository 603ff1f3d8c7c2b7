package org.hall24.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The UI languages: Simplified Chinese by default, English on request ({@code ?lang=en}, kept
 * in a cookie). The browser's Accept-Language is deliberately ignored: a public terminal must
 * open in Chinese whatever the last visitor chose, and only the visitor's own switch changes it.
 */
@Configuration(proxyBeanMethods = false)
public class UiLocales implements WebMvcConfigurer {

    /** The languages the UI speaks, default first. */
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hall24-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofHours(12));
        resolver.setDefaultLocaleFunction(request -> Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                // An upload never switches the language; reading a parameter would parse its body here,
                // before the page that takes it can answer a body over the limit (platform.Uploads).
                String type = request.getContentType();
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }

            @Override
            protected Locale parseLocaleValue(String value) {
                return value != null && value.toLowerCase(Locale.ROOT).startsWith("en")
                        ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
