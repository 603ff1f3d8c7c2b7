package org.hall24.device;

import java.util.Arrays;

/**
 * What a kiosk's ID-card reader read from a resident identity card (居民身份证). Personal data:
 * {@link #toString()} masks it, so a log line never carries it.
 *
 * @param name the holder's name
 * @param sex 男 / 女 as printed
 * @param ethnicity 民族 as printed
 * @param birthDate as printed, e.g. {@code 1990-01-01}
 * @param address as printed
 * @param idNumber the 18-character citizen identity number
 * @param issuer the issuing authority
 * @param validFrom first day of validity
 * @param validTo last day of validity, or 长期
 * @param photo the card's JPEG photo
 */
public record IdCard(String name, String sex, String ethnicity, String birthDate, String address,
        String idNumber, String issuer, String validFrom, String validTo, byte[] photo) {

    /** The ID number with all but its first and last four characters masked: {@code 5001**********1234}. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** The name with all but its first character masked: {@code 张**}. */
    public static String maskName(String name) {
        return name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(name.length() - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdCard card && idNumber.equals(card.idNumber) && name.equals(card.name)
                && Arrays.equals(photo, card.photo);
    }

    @Override
    public int hashCode() {
        return idNumber.hashCode();
    }

    @Override
    public String toString() {
        return "IdCard[name=" + maskName(name) + ", idNumber=" + maskIdNumber(idNumber) + ", photo=" + photo.length + " bytes]";
    }
}
