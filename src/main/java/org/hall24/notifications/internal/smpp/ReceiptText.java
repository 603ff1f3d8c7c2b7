package org.hall24.notifications.internal.smpp;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.notifications.DeliveryState;
import org.jspecify.annotations.Nullable;

/**
 * The text of an SMSC delivery receipt (SMPP 3.4, Appendix B; what carriers send in practice):
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…}.
 * Only {@code id}, {@code stat} and {@code err} matter here; the keys are read case-insensitively
 * and in any order, the rest is ignored. Never throws.
 */
final class ReceiptText {

    private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:(\\S+)");
    private static final Pattern STAT = Pattern.compile("(?i)(?:^|\\s)stat:(\\S+)");
    private static final Pattern ERR = Pattern.compile("(?i)(?:^|\\s)err:(\\S+)");

    /**
     * A parsed receipt.
     *
     * @param id the SMSC's message id of the part (null when the text names none: then the
     *        {@code receipted_message_id} TLV may)
     * @param stat the final state's abbreviation ({@code DELIVRD}), upper case
     * @param err the network error code, {@code 000} when the text has none
     */
    record Parsed(@Nullable String id, String stat, String err) {

        /**
         * The delivery state it reports: DELIVRD → DELIVERED, EXPIRED → EXPIRED, UNDELIV / REJECTD /
         * DELETED → PERMANENT_FAILURE; empty for a state that is not final (ACCEPTD, ENROUTE, UNKNOWN)
         * or one not in the specification.
         */
        Optional<DeliveryState> state() {
            return Optional.ofNullable(switch (stat) {
                case "DELIVRD" -> DeliveryState.DELIVERED;
                case "EXPIRED" -> DeliveryState.EXPIRED;
                case "UNDELIV", "REJECTD", "DELETED" -> DeliveryState.PERMANENT_FAILURE;
                default -> null;
            });
        }

        /** The answer recorded with the message: {@code DELIVRD err:000}. */
        String answer() {
            return stat + " err:" + err;
        }
    }

    private ReceiptText() {
    }

    /** The receipt in a {@code deliver_sm}'s text; empty when it has no {@code stat:}. */
    static Optional<Parsed> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stat = first(STAT, text);
        if (stat == null || !stat.matches("[A-Za-z]{1,16}")) {
            return Optional.empty();
        }
        String id = first(ID, text);
        String err = first(ERR, text);
        return Optional.of(new Parsed(id, stat.toUpperCase(Locale.ROOT),
                err == null || !err.matches("[A-Za-z0-9]{1,8}") ? "000" : err));
    }

    private static @Nullable String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
