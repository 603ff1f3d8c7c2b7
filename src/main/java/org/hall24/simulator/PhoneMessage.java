package org.hall24.simulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A text message as the simulated carrier's phone shows it: its parts reassembled, with what the
 * simulated SMSC told the sender about it. Thread-safe: the receipt fields change once, from the
 * SMSC's receipt thread.
 */
public final class PhoneMessage {

    private final String from;
    private final String to;
    private final String text;
    private final Instant receivedAt;
    private final List<String> messageIds;
    private final boolean delivered;
    private volatile int receiptsSent;
    private volatile @Nullable Instant receiptSentAt;

    PhoneMessage(String from, String to, String text, Instant receivedAt, List<String> messageIds, boolean delivered) {
        this.from = from;
        this.to = to;
        this.text = text;
        this.receivedAt = receivedAt;
        this.messageIds = List.copyOf(messageIds);
        this.delivered = delivered;
    }

    /** The sender's address ({@code source_addr}: the platform's SP number). */
    public String from() {
        return from;
    }

    /** The phone number. */
    public String to() {
        return to;
    }

    /** The whole text, all parts joined. */
    public String text() {
        return text;
    }

    /** When its last part reached the SMSC. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** How many {@code submit_sm} it came in. */
    public int parts() {
        return messageIds.size();
    }

    /** The SMSC's message id of each part, in order. */
    public List<String> messageIds() {
        return messageIds;
    }

    /**
     * Whether the phone got it: false for a number on the simulator's "unreachable" list, whose
     * receipt says {@code UNDELIV}.
     */
    public boolean delivered() {
        return delivered;
    }

    /** The receipt's status: {@code DELIVRD} or {@code UNDELIV}. */
    public String receiptStatus() {
        return delivered ? "DELIVRD" : "UNDELIV";
    }

    /** Whether the sender acknowledged a delivery receipt ({@code deliver_sm}) for every part. */
    public boolean receiptSent() {
        return receiptsSent >= messageIds.size();
    }

    /** When the last part's receipt was acknowledged, if it was. */
    public @Nullable Instant receiptSentAt() {
        return receiptSent() ? receiptSentAt : null;
    }

    synchronized void receiptAcknowledged(Instant at) {
        receiptsSent++;
        receiptSentAt = at;
    }

    @Override
    public String toString() {
        return "PhoneMessage[" + messageIds + ", " + parts() + " part(s)]";
    }
}
