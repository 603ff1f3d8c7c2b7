package org.hall24.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail server that keeps what it receives: an in-process SMTP server (SubEtha SMTP) bound to
 * loopback only, so nothing leaves this machine. The platform sends to it over real SMTP, as it
 * would to the district's mail relay; the simulator's mailboxes page shows every address with its
 * mails. It keeps the last {@code capacity} mails in memory (oldest dropped first), parsed with
 * Jakarta Mail: envelope sender and recipients, the {@code From} header, the subject decoded, the
 * plain-text body, the {@code Message-ID}.
 * <p>
 * Like a real server it refuses some recipients for good: any address in a domain under
 * {@code .invalid} (RFC 2606's never-existing top-level domain) gets {@code 550 5.1.1}, so a demo
 * can show a permanent failure. Thread-safe.
 */
public final class SimulatedMailServer implements AutoCloseable {

    /** The refused recipients' top-level domain. */
    public static final String REFUSED_DOMAIN = ".invalid";

    private static final Logger log = LoggerFactory.getLogger(SimulatedMailServer.class);
    private static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
    private static final int MAX_RECIPIENTS = 50;

    private final int configuredPort;
    private final int capacity;
    private final Clock clock;
    private final Deque<ReceivedMail> mails = new ArrayDeque<>();
    private final Session parser = Session.getInstance(new Properties());
    private @Nullable SMTPServer server;

    /**
     * @param port the port to listen on, {@code 0} for a free one ({@link #port()} says which)
     * @param capacity how many mails are kept, the newest
     */
    public SimulatedMailServer(int port, int capacity, Clock clock) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.configuredPort = port;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Starts listening on loopback. */
    public synchronized SimulatedMailServer start() {
        if (server != null) {
            return this;
        }
        SMTPServer started = SMTPServer.port(configuredPort)
                .bindAddress(loopback())
                .hostName("mail.simulator.hall24")
                .softwareName("Hall24 simulated mail server")
                .messageHandlerFactory(Handler::new)
                .maxMessageSize(MAX_MESSAGE_BYTES)
                .maxRecipients(MAX_RECIPIENTS)
                .maxConnections(20)
                .connectionTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .serverThreadName("simulated-mail-server")
                .build();
        try {
            started.start();
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("The simulated mail server cannot listen on 127.0.0.1:" + configuredPort
                    + " (hall24.simulator.mail.port): " + e.getMessage(), e);
        }
        server = started;
        log.info("Simulated mail server listening on 127.0.0.1:{} (nothing leaves this machine)", port());
        return this;
    }

    /** The port it listens on; the configured one until started. */
    public synchronized int port() {
        return server == null ? configuredPort : server.getPortAllocated();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** Every mail kept, newest first. */
    public synchronized List<ReceivedMail> mails() {
        return List.copyOf(mails);
    }

    /**
     * The mailboxes: every envelope recipient (lower-cased) with the mails it received, newest
     * first; the mailbox that received last comes first.
     */
    public synchronized Map<String, List<ReceivedMail>> mailboxes() {
        Map<String, List<ReceivedMail>> boxes = new LinkedHashMap<>();
        for (ReceivedMail mail : mails) {
            for (String recipient : mail.recipients()) {
                boxes.computeIfAbsent(recipient, r -> new ArrayList<>()).add(mail);
            }
        }
        boxes.replaceAll((address, list) -> List.copyOf(list));
        return boxes;
    }

    /** The mails an address received, newest first. */
    public List<ReceivedMail> mailsTo(String address) {
        return mailboxes().getOrDefault(address.strip().toLowerCase(Locale.ROOT), List.of());
    }

    /** Empties every mailbox. */
    public synchronized void clear() {
        mails.clear();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
            log.info("Simulated mail server stopped");
        }
    }

    private synchronized void keep(ReceivedMail mail) {
        mails.addFirst(mail);
        while (mails.size() > capacity) {
            mails.removeLast();
        }
    }

    /** One SMTP transaction: MAIL FROM, one or more RCPT TO, DATA. */
    private final class Handler implements MessageHandler {

        private String from = "";
        private final List<String> recipients = new ArrayList<>();

        Handler(MessageContext context) {
        }

        @Override
        public void from(String address) {
            from = address;
        }

        @Override
        public void recipient(String address) throws RejectException {
            String normalised = address.strip().toLowerCase(Locale.ROOT);
            int at = normalised.lastIndexOf('@');
            if (at < 0 || normalised.endsWith(REFUSED_DOMAIN)) {
                throw new RejectException(550, "5.1.1 mailbox unavailable: no such domain");
            }
            recipients.add(normalised);
        }

        @Override
        public @Nullable String data(InputStream data) throws RejectException, IOException {
            byte[] raw = data.readAllBytes();
            ReceivedMail mail;
            try {
                mail = parse(from, recipients, raw, clock.instant());
            }
            catch (MessagingException e) {
                throw new RejectException(554, "5.6.0 cannot parse the message: " + e.getMessage());
            }
            keep(mail);
            log.debug("Simulated mail server received {} for {} mailbox(es)", mail.messageId(), recipients.size());
            return "2.0.0 Ok: kept in the simulator's mailboxes";
        }

        @Override
        public void done() {
        }
    }

    private ReceivedMail parse(String envelopeFrom, List<String> recipients, byte[] raw, Instant receivedAt)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(parser, new ByteArrayInputStream(raw));
        Address[] fromHeader = message.getFrom();
        String from = fromHeader == null || fromHeader.length == 0 ? envelopeFrom
                : fromHeader[0] instanceof InternetAddress address ? shown(address) : fromHeader[0].toString();
        String subject = message.getSubject();
        String text = text(message);
        String messageId = message.getMessageID();
        return new ReceivedMail(messageId == null ? "" : messageId, envelopeFrom, from, List.copyOf(recipients),
                subject == null ? "" : subject, text == null ? "" : text, receivedAt, raw.length);
    }

    /** {@code 九龙坡区… <noreply@…>}, as a mail client shows a sender. */
    private static String shown(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null || personal.isBlank() ? address.getAddress() : personal + " <" + address.getAddress() + ">";
    }

    /** The first {@code text/plain} part's text, decoded with its charset. */
    private static @Nullable String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        }
        catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A mail as the server received it.
     *
     * @param messageId the {@code Message-ID} header, e.g. {@code <…@hall24.example>}; empty if the sender set none
     * @param envelopeFrom the {@code MAIL FROM} address
     * @param from the {@code From} header, display name decoded ({@code 九龙坡区… <noreply@…>})
     * @param recipients the {@code RCPT TO} addresses, lower-cased
     * @param subject decoded
     * @param text the plain-text body, decoded
     * @param sizeBytes the size of the message as sent
     */
    public record ReceivedMail(String messageId, String envelopeFrom, String from, List<String> recipients, String subject,
            String text, Instant receivedAt, int sizeBytes) {
    }
}
