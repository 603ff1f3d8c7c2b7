package org.hall24.simulator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a {@code submit_sm}'s {@code short_message} as a phone does: the concatenation header
 * (UDH, when {@code esm_class} has UDHI {@code 0x40}) with its 8-bit (IEI {@code 0x00}) or
 * 16-bit (IEI {@code 0x08}) reference, and the text in its {@code data_coding}.
 */
final class ShortMessages {

    static final int UDHI = 0x40;

    private ShortMessages() {
    }

    /** One part of a concatenated message: reference, part number from 1, number of parts. */
    record Concatenation(int reference, int part, int total) {
    }

    /** The decoded short message: its text, and where it belongs when it is one part of several. */
    record Decoded(String text, Optional<Concatenation> concatenation) {
    }

    /**
     * Decodes a short message.
     *
     * @throws IllegalArgumentException when the UDH is truncated or names an impossible part
     */
    static Decoded decode(byte esmClass, byte dataCoding, byte[] shortMessage) {
        byte[] body = shortMessage;
        Optional<Concatenation> concatenation = Optional.empty();
        if ((esmClass & UDHI) != 0) {
            if (shortMessage.length == 0) {
                throw new IllegalArgumentException("UDHI set but the short message is empty");
            }
            int udhLength = shortMessage[0] & 0xFF;
            if (1 + udhLength > shortMessage.length) {
                throw new IllegalArgumentException("UDH longer than the short message");
            }
            int i = 1;
            while (i + 1 < 1 + udhLength) {
                int iei = shortMessage[i] & 0xFF;
                int length = shortMessage[i + 1] & 0xFF;
                int data = i + 2;
                if (data + length > 1 + udhLength) {
                    throw new IllegalArgumentException("UDH element longer than the UDH");
                }
                if (iei == 0x00 && length == 3) {
                    concatenation = Optional.of(concatenation(shortMessage[data] & 0xFF, shortMessage[data + 1] & 0xFF,
                            shortMessage[data + 2] & 0xFF));
                }
                else if (iei == 0x08 && length == 4) {
                    int reference = (shortMessage[data] & 0xFF) << 8 | (shortMessage[data + 1] & 0xFF);
                    concatenation = Optional.of(concatenation(reference, shortMessage[data + 2] & 0xFF, shortMessage[data + 3] & 0xFF));
                }
                i = data + length;
            }
            body = Arrays.copyOfRange(shortMessage, 1 + udhLength, shortMessage.length);
        }
        return new Decoded(new String(body, charset(dataCoding)), concatenation);
    }

    private static Concatenation concatenation(int reference, int total, int part) {
        if (total < 1 || part < 1 || part > total) {
            throw new IllegalArgumentException("part " + part + " of " + total);
        }
        return new Concatenation(reference, part, total);
    }

    /** UCS-2 (8) as UTF-16BE, so that a surrogate pair survives; Latin-1 (3); anything else read as Latin-1 too. */
    static Charset charset(byte dataCoding) {
        return (dataCoding & 0xFF) == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1;
    }
}
