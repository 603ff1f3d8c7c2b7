package org.hall24.identity;

import java.time.LocalDate;

import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.Masking;
import org.jspecify.annotations.Nullable;

/**
 * The person a kiosk session identified, as read from the ID card. No photo: the card photo stays
 * inside the identity module for the face step. Personal data: {@link #toString()} is masked.
 *
 * @param name the holder's name as printed
 * @param idNumber the validated citizen identity number
 * @param sex 男 / 女 as printed
 * @param birthDate the birth date
 * @param address the address as printed, if the card had one
 */
public record Person(String name, ChineseIdNumber idNumber, String sex, LocalDate birthDate, @Nullable String address) {

    /** {@code 张**}. */
    public String maskedName() {
        return Masking.name(name);
    }

    /** {@code 5001**********1234}. */
    public String maskedIdNumber() {
        return idNumber.masked();
    }

    @Override
    public String toString() {
        return "Person[name=" + maskedName() + ", idNumber=" + maskedIdNumber() + "]";
    }
}
