package org.hall24.kiosk.web;

import java.util.List;

import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.hall24.kiosk.PairedKiosk;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The kiosk's web rules: every {@code /kiosk/**} response is {@code Cache-Control: no-store} (no
 * personal page stays in the browser's cache or back-forward cache); every {@code /kiosk/**} request
 * except {@code /kiosk/pair} and {@code /kiosk/ime/**} needs a paired browser; handlers may take
 * {@link PairedKiosk} and {@code @VerifiedSession KioskSession} arguments.
 */
@Configuration(proxyBeanMethods = false)
class KioskWebConfiguration implements WebMvcConfigurer {

    private final KioskPairings pairings;
    private final KioskSessions sessions;

    KioskWebConfiguration(KioskPairings pairings, KioskSessions sessions) {
        this.pairings = pairings;
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                return true;
            }
        }).addPathPatterns("/kiosk", "/kiosk/**");
        registry.addInterceptor(new KioskPairingInterceptor(pairings, sessions))
                .addPathPatterns("/kiosk", "/kiosk/**")
                .excludePathPatterns("/kiosk/pair", "/kiosk/ime/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PairedKioskResolver());
        resolvers.add(new VerifiedSessionResolver(sessions));
    }

    /** Resolves {@link PairedKiosk} parameters from what the pairing interceptor found. */
    static final class PairedKioskResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == PairedKiosk.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            PairedKiosk kiosk = KioskRequests.paired(request.getNativeRequest(HttpServletRequest.class));
            if (kiosk == null) {
                throw new KioskNotPairedException();
            }
            return kiosk;
        }
    }

    /** Resolves {@code @VerifiedSession KioskSession} parameters: the kiosk's verified session, or no call. */
    static final class VerifiedSessionResolver implements HandlerMethodArgumentResolver {

        private final KioskSessions sessions;

        VerifiedSessionResolver(KioskSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(VerifiedSession.class)
                    && parameter.getParameterType() == KioskSession.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            PairedKiosk kiosk = KioskRequests.paired(request.getNativeRequest(HttpServletRequest.class));
            if (kiosk == null) {
                throw new KioskNotPairedException();
            }
            return sessions.current(kiosk.deviceCode()).filter(KioskSession::verified)
                    .orElseThrow(NoVerifiedSessionException::new);
        }
    }
}
