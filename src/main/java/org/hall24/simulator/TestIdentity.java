package org.hall24.simulator;

import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated resident identity card, as a card reader reports it. <b>Test data</b>: the name and
 * number belong to nobody on purpose, the address ends with {@code （测试数据）} and the photo says
 * TEST; the number is nevertheless valid by GB 11643-1999 (region, birth date, check digit), so
 * the platform's validation accepts it.
 *
 * @param sex {@code 男} or {@code 女}, matching the parity of the number's 17th digit
 * @param validTo the last day of validity
 * @param photo the card's photo, a JPEG
 */
public record TestIdentity(String name, String sex, String ethnicity, LocalDate birthDate, String address, String idNumber,
        String issuer, LocalDate validFrom, LocalDate validTo, byte[] photo) {

    /** The {@code card} object of a {@code card-read} event. */
    public Map<String, Object> toCard() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", name);
        card.put("sex", sex);
        card.put("ethnicity", ethnicity);
        card.put("birthDate", birthDate.toString());
        card.put("address", address);
        card.put("idNumber", idNumber);
        card.put("issuer", issuer);
        card.put("validFrom", validFrom.toString());
        card.put("validTo", validTo.toString());
        card.put("photo", Base64.getEncoder().encodeToString(photo));
        card.put("testData", true);
        return card;
    }

    @Override
    public String toString() {
        // Made-up people, but logged like real ones: masked (the simulator depends on no module, so no Masking here).
        return "TestIdentity[" + name.charAt(0) + "*".repeat(name.length() - 1) + ", " + idNumber.substring(0, 4) + "**********"
                + idNumber.substring(14) + "]";
    }
}
