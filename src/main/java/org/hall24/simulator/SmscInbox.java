package org.hall24.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated phones' inboxes: parts of a concatenated message wait, per (sender, phone,
 * reference), until all have come; then the whole text is one message in the phone's inbox.
 * Bounded (an in-memory simulator of an outside system): the latest {@value #MESSAGES_PER_PHONE}
 * messages of the latest {@value #PHONES} phones, and {@value #PENDING} incomplete messages.
 * Thread-safe.
 */
final class SmscInbox {

    static final int MESSAGES_PER_PHONE = 200;
    static final int PHONES = 1000;
    static final int PENDING = 1000;

    private record PartsKey(String from, String to, int reference) {
    }

    private static final class Parts {
        final String[] texts;
        final String[] ids;
        int received;

        Parts(int total) {
            texts = new String[total];
            ids = new String[total];
        }
    }

    /** Insertion order is the order of the latest message: a phone is moved to the end when it gets one. */
    private final LinkedHashMap<String, Deque<PhoneMessage>> phones = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<PhoneMessage>> eldest) {
            return size() > PHONES;
        }
    };

    private final LinkedHashMap<PartsKey, Parts> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PartsKey, Parts> eldest) {
            return size() > PENDING;
        }
    };

    /**
     * Takes one submitted short message.
     *
     * @return the phone's new message once it is complete: at once for a single message, with the last part for a concatenated one
     */
    synchronized Optional<PhoneMessage> accept(String from, String to, String messageId, ShortMessages.Decoded decoded, Instant at,
            boolean delivered) {
        if (decoded.concatenation().isEmpty()) {
            return Optional.of(store(new PhoneMessage(from, to, decoded.text(), at, List.of(messageId), delivered)));
        }
        ShortMessages.Concatenation part = decoded.concatenation().get();
        PartsKey key = new PartsKey(from, to, part.reference());
        Parts parts = pending.get(key);
        if (parts == null || parts.texts.length != part.total()) {
            parts = new Parts(part.total());
            pending.put(key, parts);
        }
        int index = part.part() - 1;
        if (parts.texts[index] == null) {
            parts.received++;
        }
        parts.texts[index] = decoded.text();
        parts.ids[index] = messageId;
        if (parts.received < parts.texts.length) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(store(new PhoneMessage(from, to, String.join("", parts.texts), at, Arrays.asList(parts.ids), delivered)));
    }

    private PhoneMessage store(PhoneMessage message) {
        Deque<PhoneMessage> inbox = phones.remove(message.to());
        if (inbox == null) {
            inbox = new ArrayDeque<>();
        }
        inbox.addFirst(message);
        while (inbox.size() > MESSAGES_PER_PHONE) {
            inbox.removeLast();
        }
        phones.put(message.to(), inbox);
        return message;
    }

    /** The numbers that received messages, the one that received the latest first. */
    synchronized List<String> phones() {
        List<String> numbers = new ArrayList<>(phones.keySet());
        java.util.Collections.reverse(numbers);
        return numbers;
    }

    /** A phone's messages, newest first. */
    synchronized List<PhoneMessage> messages(String phone) {
        Deque<PhoneMessage> inbox = phones.get(phone);
        return inbox == null ? List.of() : List.copyOf(inbox);
    }

    /** How many concatenated messages still wait for a part. */
    synchronized int incomplete() {
        return pending.size();
    }

    synchronized void clear() {
        phones.clear();
        pending.clear();
    }
}
