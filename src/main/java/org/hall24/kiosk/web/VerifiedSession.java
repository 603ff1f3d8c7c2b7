package org.hall24.kiosk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler parameter of type {@link org.hall24.identity.KioskSession} that must be the paired
 * kiosk's current, verified session. When there is none, the handler is not called: a full-page
 * request is redirected to {@code /kiosk}, an htmx request answered with {@code HX-Redirect: /kiosk}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VerifiedSession {
}
