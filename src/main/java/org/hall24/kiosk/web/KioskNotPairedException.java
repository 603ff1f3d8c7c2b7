package org.hall24.kiosk.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A {@code /kiosk/**} request from a browser that is not paired with a kiosk (or whose pairing was revoked). */
@ResponseStatus(HttpStatus.FORBIDDEN)
class KioskNotPairedException extends RuntimeException {

    KioskNotPairedException() {
        super("this browser is not paired with a kiosk");
    }
}
