package org.hall24.cabinet.web;

import java.util.List;
import java.util.Optional;

import org.hall24.device.DeviceType;
import org.hall24.device.PairedScreens;
import org.hall24.device.RegisteredDevice;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cabinet screen's web rules: every {@code /cabinet/**} response is {@code no-store}, and every
 * request needs a browser paired with a smart file cabinet (paired at {@code /kiosk/pair} with a code
 * an admin issued for the cabinet, exactly like a kiosk). Handlers take the cabinet as a
 * {@link PairedCabinet} argument; an unpaired browser gets the 403 "not paired" page.
 */
@Configuration(proxyBeanMethods = false)
class CabinetScreenWebConfiguration implements WebMvcConfigurer {

    static final String PAIRED = PairedCabinet.class.getName();

    private final PairedScreens screens;

    CabinetScreenWebConfiguration(PairedScreens screens) {
        this.screens = screens;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                Optional<RegisteredDevice> device = cookie(request, PairedScreens.COOKIE).flatMap(screens::deviceOf)
                        .filter(d -> d.type() == DeviceType.FILE_CABINET);
                if (device.isEmpty()) {
                    throw new CabinetNotPairedException();
                }
                request.setAttribute(PAIRED, new PairedCabinet(device.get().code(), device.get().hall()));
                return true;
            }
        }).addPathPatterns("/cabinet", "/cabinet/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == PairedCabinet.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                    WebDataBinderFactory binderFactory) {
                Object paired = request.getNativeRequest(HttpServletRequest.class).getAttribute(PAIRED);
                if (paired == null) {
                    throw new CabinetNotPairedException();
                }
                return paired;
            }
        });
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The cabinet a screen's browser is paired with. */
    record PairedCabinet(String cabinetCode, String hallCode) {
    }

    /** A {@code /cabinet} request from a browser that is not a paired cabinet screen. */
    static final class CabinetNotPairedException extends RuntimeException {

        CabinetNotPairedException() {
            super("this browser is not paired with a smart file cabinet");
        }
    }
}
