package org.hall24.applications;

import java.util.Locale;
import java.util.UUID;

/**
 * The codes of the public progress lookup ({@code /track}). Filing numbers are sequential per hall
 * and day, so the lookup must not tell which exist: a request does the same work for every
 * well-formed number — it opens a code challenge for the number, nothing else — and the code is
 * sent after that commits, in the background, only where the filing exists and has a phone.
 */
public interface ProgressCodes {

    /** The purpose a progress code is issued and verified under. */
    static String purpose(String number) {
        return "track:" + number;
    }

    /**
     * Opens a code challenge for the number and, once this commits, sends its code by SMS to the
     * filing's phone if there is one (and the phone was not sent too many codes lately). Answers the
     * same, in the same time, whether or not the filing exists.
     *
     * @param number a well-formed filing number ({@link FilingNumber#problemOf} empty)
     * @param locale the language of the SMS
     * @return the challenge to verify the code against ({@code VerificationCodes.verify} with {@link #purpose})
     */
    UUID request(String number, Locale locale);
}
