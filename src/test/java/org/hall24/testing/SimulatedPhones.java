package org.hall24.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.shared.MobileNumber;
import org.hall24.simulator.PhoneMessage;
import org.hall24.simulator.SimulatedSmsc;

/**
 * What the simulated carrier's phones received, read from the in-process {@link SimulatedSmsc}
 * (autowire it: {@code new SimulatedPhones(smsc)}; {@link Phones} is the test SMS provider that needs no SMPP), waiting with Awaitility for a message to arrive.
 */
public final class SimulatedPhones {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final SimulatedSmsc smsc;

    public SimulatedPhones(SimulatedSmsc smsc) {
        this.smsc = smsc;
    }

    /** The text of the latest message the phone got, waiting for one. */
    public String awaitLastText(MobileNumber phone) {
        return awaitLastText(phone.value());
    }

    /** The text of the latest message the phone got, waiting for one. */
    public String awaitLastText(String phone) {
        return await().atMost(WAIT).until(() -> last(phone), Optional::isPresent).orElseThrow().text();
    }

    /**
     * The text of the first message newer than {@code messagesBefore} (what {@link #count} said
     * before the action that sends it), waiting for it.
     */
    public String awaitNewText(String phone, int messagesBefore) {
        await().atMost(WAIT).until(() -> count(phone) > messagesBefore);
        return smsc.messages(phone).get(count(phone) - messagesBefore - 1).text();
    }

    /** The 6-digit code in the phone's latest message, waiting for a message with one. */
    public String awaitCode(MobileNumber phone) {
        return awaitCode(phone.value());
    }

    /** The 6-digit code in the phone's latest message, waiting for a message with one. */
    public String awaitCode(String phone) {
        return await().atMost(WAIT).until(() -> last(phone).flatMap(m -> code(m.text())), Optional::isPresent).orElseThrow();
    }

    /** How many {@code submit_sm} reached the SMSC for this phone (one per part). */
    public int submitsTo(MobileNumber phone) {
        return smsc.submitsTo(phone.value());
    }

    /** How many {@code submit_sm} reached the SMSC for this phone (one per part). */
    public int submitsTo(String phone) {
        return smsc.submitsTo(phone);
    }

    /** How many messages the phone got. */
    public int count(String phone) {
        return smsc.messages(phone).size();
    }

    private Optional<PhoneMessage> last(String phone) {
        return smsc.lastMessage(phone).filter(PhoneMessage::delivered);
    }

    /** The first 6-digit number in a text. */
    public static Optional<String> code(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
