package org.hall24.notifications.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text is cut into SMS segments. Hall24 always sends UCS-2 (SMPP {@code data_coding} 8,
 * UTF-16 big-endian on the wire, so a character outside the Basic Multilingual Plane takes two
 * units): a text of at most {@value #SINGLE} UTF-16 units goes in one segment; a longer one is
 * split into parts of at most {@value #PART} units, because each part gives 6 of its 140 octets
 * to the concatenation header (UDH), and a part never ends between the two halves of a surrogate
 * pair (that part then holds {@value #PART}&nbsp;− 1 units). Carriers bill, and the templates
 * page counts, per segment.
 */
public final class SmsSegments {

    /** The UTF-16 units a single UCS-2 segment holds (140 octets). */
    public static final int SINGLE = 70;

    /** The UTF-16 units a part of a concatenated message holds (140 octets less a 6-octet UDH). */
    public static final int PART = 67;

    private SmsSegments() {
    }

    /** How many segments the text is sent as: 0 for an empty text, else {@code split(text).size()}. */
    public static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (text.length() <= SINGLE) {
            return 1;
        }
        return split(text).size();
    }

    /**
     * The segments' texts, in order: none for an empty text, the text itself when it fits one
     * segment, else parts of at most {@value #PART} units, each ending on a whole character.
     * Joined, they are the text.
     */
    public static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return List.copyOf(parts);
    }
}
