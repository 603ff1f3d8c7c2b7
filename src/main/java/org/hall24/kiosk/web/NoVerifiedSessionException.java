package org.hall24.kiosk.web;

/** A handler needs the kiosk's verified session ({@link VerifiedSession}) and there is none. */
class NoVerifiedSessionException extends RuntimeException {

    NoVerifiedSessionException() {
        super("no verified session at this kiosk");
    }
}
