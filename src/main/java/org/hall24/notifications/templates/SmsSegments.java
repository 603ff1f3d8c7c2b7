package org.hall24.notifications.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text is cut into SMS: Hall24 sends every SMS in UCS-2 (SMPP data coding 8), as Chinese
 * needs, so one SMS holds 70 UTF-16 units; a longer text goes in parts of 67 (6 bytes of each
 * part's 140 carry the concatenation header). A part never ends between the two halves of a
 * surrogate pair (a character outside the Basic Multilingual Plane, such as 𠀀, counts as two units).
 */
public final class SmsSegments {

    /** UTF-16 units in a single SMS. */
    public static final int SINGLE = 70;
    /** UTF-16 units in each part of a long SMS. */
    public static final int PART = 67;

    private SmsSegments() {
    }

    /** How many SMS the text is sent as (0 for an empty text). */
    public static int count(String text) {
        return split(text).size();
    }

    /** The parts, in order; one part for a text of at most {@value #SINGLE} units. */
    public static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(at, end));
            at = end;
        }
        return parts;
    }
}
