package org.hall24.notifications.internal.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hall24.notifications.templates.SmsSegments;

/**
 * A text as the {@code short_message} octets of its {@code submit_sm}s: UCS-2 (UTF-16BE) always;
 * one segment as it is, a longer text in {@link SmsSegments#split parts} each led by a 6-octet
 * UDH ({@code 05 00 03 ref m n}: IEI 0x00, concatenated message with an 8-bit reference, the same
 * for every part, part n of m), sent with esm_class UDHI ({@code 0x40}).
 */
final class ShortMessageParts {

    static final byte UCS2 = 0x08;
    static final byte UDHI = 0x40;

    private ShortMessageParts() {
    }

    /** The octets of each part, in order; concatenated when there is more than one. */
    static List<byte[]> encode(String text, int reference) {
        List<String> segments = SmsSegments.split(text);
        if (segments.size() == 1) {
            return List.of(segments.get(0).getBytes(StandardCharsets.UTF_16BE));
        }
        if (segments.size() > 255) {
            throw new IllegalArgumentException("more than 255 parts");
        }
        List<byte[]> parts = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            byte[] body = segments.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) segments.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }
}
