package org.hall24.notifications.internal.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.hall24.notifications.DeliveryReceipts;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider;
import org.hall24.shared.Masking;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Text messages over SMPP 3.4 to the carrier's SMSC (jSMPP). Each node keeps one transceiver
 * session, bound in a background thread and bound again after any loss with exponential back-off
 * ({@link SmppProperties#reconnectMinDelay()} doubling up to {@link SmppProperties#reconnectMaxDelay()};
 * one WARN per outage, not per try); {@code enquire_link} keeps an idle session alive.
 * <p>
 * {@link #send} encodes the text in UCS-2 ({@code data_coding} 8), one {@code submit_sm} per
 * segment ({@link ShortMessageParts}), each with a delivery receipt requested, at most
 * {@link SmppProperties#tps()} a second from this node, and answers:
 * <ul>
 * <li>{@link SendOutcome.Submitted} with the SMSC's message id of every part;</li>
 * <li>{@link SendOutcome.TemporaryFailure} when not bound, when the SMSC does not answer in time
 * (the outcome is then unknown: the SMSC may have taken it), for a throttling, queue-full, system or
 * unknown status, and for an I/O error;</li>
 * <li>{@link SendOutcome.PermanentFailure} for a destination, source or format the SMSC refuses
 * ({@link CommandStatus#isPermanent}).</li>
 * </ul>
 * It never throws. A part after the first that fails makes the whole message fail (the parts
 * already sent do not make a message on the phone without the rest).
 * <p>
 * Delivery receipts ({@code deliver_sm} with the receipt flag in esm_class) arriving on the session
 * go to {@link DeliveryReceipts#record}; every {@code deliver_sm} is answered {@code ESME_ROK},
 * a malformed receipt too (it is logged), so the SMSC does not send it again and again.
 * Phone numbers are logged masked, texts never.
 */
public final class SmppSmsProvider implements SmsProvider, SmartLifecycle, AutoCloseable {

    public static final String NAME = "smpp";

    private static final Logger log = LoggerFactory.getLogger(SmppSmsProvider.class);

    private final SmppProperties properties;
    private final IntSupplier port;
    private final DeliveryReceipts receipts;
    private final TokenBucket throttle;
    private final Object signal = new Object();

    private volatile @Nullable SMPPSession session;
    private volatile String problem = "not started";
    private volatile boolean running;
    private volatile @Nullable Thread connector;
    private volatile int resolvedPort;

    /**
     * @param port where the SMSC listens, asked for at each bind (so that a port published after this
     *        provider was created, the in-process simulator's, is followed)
     */
    public SmppSmsProvider(SmppProperties properties, IntSupplier port, DeliveryReceipts receipts) {
        this.properties = properties;
        this.port = port;
        this.receipts = receipts;
        this.throttle = new TokenBucket(properties.tps());
    }

    @Override
    public String name() {
        return NAME;
    }

    // --- the session ----------------------------------------------------------------------------

    @Override
    public void start() {
        synchronized (signal) {
            if (running) {
                return;
            }
            running = true;
            problem = "binding";
            Thread thread = new Thread(this::keepBound, "smpp-connector");
            thread.setDaemon(true);
            connector = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (signal) {
            running = false;
            thread = connector;
            connector = null;
            signal.notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.responseTimeout().toMillis() + 1_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SMPPSession current = session;
        session = null;
        if (current != null) {
            if (current.getSessionState().isBound()) {
                current.unbindAndClose();
            }
            else {
                current.close();
            }
        }
        problem = "stopped";
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether a session is bound now. */
    public boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Why no session is bound (for the health indicator); empty when one is. */
    public Optional<String> problem() {
        return isBound() ? Optional.empty() : Optional.of(problem);
    }

    /** Where it binds, e.g. {@code 127.0.0.1:2775}. */
    public String endpoint() {
        int p = resolvedPort;
        return properties.host() + ":" + (p == 0 ? port.getAsInt() : p);
    }

    public String systemId() {
        return properties.systemId();
    }

    private void keepBound() {
        int failures = 0;
        boolean outage = false;
        while (running) {
            SMPPSession current = session;
            if (current != null && current.getSessionState().isBound()) {
                awaitChange(Duration.ofSeconds(1));
                continue;
            }
            if (current != null) {
                session = null;
                current.close();
                problem = "the session to the SMSC was lost";
                if (!outage) {
                    log.warn("The SMSC session at {} was lost; binding again with back-off ({} up to {})", endpoint(),
                            properties.reconnectMinDelay(), properties.reconnectMaxDelay());
                    outage = true;
                }
            }
            try {
                SMPPSession bound = bind();
                if (!running) {
                    bound.unbindAndClose();
                    return;
                }
                session = bound;
                if (outage) {
                    log.info("Bound to the SMSC at {} as {} again after {} failed attempt(s)", endpoint(), properties.systemId(),
                            failures);
                }
                else {
                    log.info("Bound to the SMSC at {} as {} (transceiver)", endpoint(), properties.systemId());
                }
                failures = 0;
                outage = false;
            }
            catch (IOException | RuntimeException e) {
                failures++;
                problem = "cannot bind to the SMSC at " + endpoint() + ": " + reason(e);
                if (!outage) {
                    log.warn("Cannot bind to the SMSC at {} as {}: {}; trying again with back-off ({} up to {})", endpoint(),
                            properties.systemId(), reason(e), properties.reconnectMinDelay(), properties.reconnectMaxDelay());
                    outage = true;
                }
                awaitChange(backOff(failures));
            }
        }
    }

    /** The pause after the n-th failure in a row: the minimum, doubled each time, at most the maximum. */
    Duration backOff(int failures) {
        Duration delay = properties.reconnectMinDelay();
        for (int i = 1; i < failures && delay.compareTo(properties.reconnectMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.reconnectMaxDelay()) > 0 ? properties.reconnectMaxDelay() : delay;
    }

    private void awaitChange(Duration atMost) {
        synchronized (signal) {
            if (!running) {
                return;
            }
            try {
                signal.wait(Math.max(1, atMost.toMillis()));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private SMPPSession bind() throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, properties.responseTimeout().toMillis());
        SMPPSession created = new SMPPSession(new TimedSocketConnections(timeout));
        created.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, properties.enquireLink().toMillis()));
        created.setTransactionTimer(properties.responseTimeout().toMillis());
        created.setMessageReceiverListener(new Receipts());
        created.addSessionStateListener(this::onStateChange);
        resolvedPort = port.getAsInt();
        String systemType = properties.systemType() == null ? "" : properties.systemType();
        created.connectAndBind(properties.host(), resolvedPort, new BindParameter(BindType.BIND_TRX, properties.systemId(),
                properties.password(), systemType, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), timeout);
        return created;
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound()) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io && io.getCause() instanceof NegativeResponseException negative) {
            return "bind refused: " + CommandStatus.name(negative.getCommandStatus());
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    // --- sending --------------------------------------------------------------------------------

    @Override
    public SendOutcome send(OutgoingSms sms) {
        try {
            return submit(sms);
        }
        catch (RuntimeException e) {
            log.warn("SMS {} to {}: unexpected {}", sms, Masking.phone(sms.to()), e.toString());
            return new SendOutcome.TemporaryFailure("unexpected error: " + e.getClass().getSimpleName() + "; outcome unknown");
        }
    }

    private SendOutcome submit(OutgoingSms sms) {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isTransmittable()) {
            return new SendOutcome.TemporaryFailure("not bound to the SMSC: " + problem);
        }
        if (sms.text().isEmpty()) {
            return new SendOutcome.PermanentFailure("empty text: nothing to send");
        }
        List<byte[]> parts;
        try {
            parts = ShortMessageParts.encode(sms.text(), reference(sms));
        }
        catch (IllegalArgumentException e) {
            return new SendOutcome.PermanentFailure("text too long for SMS: " + e.getMessage());
        }
        ESMClass esmClass = new ESMClass(parts.size() > 1 ? ShortMessageParts.UDHI : 0);
        List<String> ids = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.size() > 1 ? "part " + (i + 1) + " of " + parts.size() + ": " : "";
            try {
                throttle.acquire();
                SubmitSmResult result = current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        properties.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, sms.to(), esmClass, (byte) 0,
                        (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, parts.get(i));
                ids.add(result.getMessageId());
            }
            catch (NegativeResponseException e) {
                String answer = part + CommandStatus.name(e.getCommandStatus());
                log.info("SMS {} to {} refused by the SMSC: {}", sms, Masking.phone(sms.to()), answer);
                return CommandStatus.isPermanent(e.getCommandStatus()) ? new SendOutcome.PermanentFailure(answer)
                        : new SendOutcome.TemporaryFailure(answer);
            }
            catch (ResponseTimeoutException e) {
                log.info("SMS {} to {}: no submit_sm_resp within {}", sms, Masking.phone(sms.to()), properties.responseTimeout());
                return new SendOutcome.TemporaryFailure(part + "no submit_sm_resp within " + seconds(properties.responseTimeout())
                        + ": outcome unknown");
            }
            catch (InvalidResponseException e) {
                return new SendOutcome.TemporaryFailure(part + "invalid submit_sm_resp: outcome unknown");
            }
            catch (PDUException e) {
                return new SendOutcome.PermanentFailure(part + "a submit_sm field is invalid (destination or source address?)");
            }
            catch (IOException e) {
                return new SendOutcome.TemporaryFailure(part + "I/O error: " + e.getClass().getSimpleName()
                        + (i == 0 ? "" : "; outcome of this part unknown"));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.TemporaryFailure(part + "interrupted while throttled");
            }
        }
        log.debug("SMS {} to {} submitted in {} part(s)", sms, Masking.phone(sms.to()), ids.size());
        return new SendOutcome.Submitted(ids, "ESME_ROK");
    }

    /** The concatenation reference: the same for every part of one attempt, another for the next attempt. */
    static int reference(OutgoingSms sms) {
        return (sms.messageId().hashCode() * 31 + sms.attempt()) & 0xFF;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    // --- receipts -------------------------------------------------------------------------------

    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            try {
                if (!deliverSm.isSmscDeliveryReceipt()) {
                    log.info("A mobile-originated SMS from {} is ignored (Hall24 receives no SMS)",
                            Masking.phone(String.valueOf(deliverSm.getSourceAddr())));
                    return;
                }
                byte[] octets = deliverSm.getShortMessage();
                String text = octets == null ? "" : new String(octets, StandardCharsets.ISO_8859_1);
                Optional<ReceiptText.Parsed> parsed = ReceiptText.parse(text);
                if (parsed.isEmpty()) {
                    log.warn("A malformed delivery receipt ({} octets, no stat:) is acknowledged and ignored",
                            octets == null ? 0 : octets.length);
                    return;
                }
                String id = parsed.get().id();
                if (id == null) {
                    OptionalParameter.Receipted_message_id tlv = deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
                    id = tlv == null ? null : tlv.getValueAsString();
                }
                if (id == null || id.isBlank()) {
                    log.warn("A delivery receipt without a message id ({}) is acknowledged and ignored", parsed.get().stat());
                    return;
                }
                Optional<DeliveryState> state = parsed.get().state();
                if (state.isEmpty()) {
                    log.debug("Delivery receipt for {}: {} is not final; ignored", id, parsed.get().stat());
                    return;
                }
                receipts.record(NAME, id, state.get(), parsed.get().answer());
            }
            catch (RuntimeException e) {
                log.warn("A delivery receipt was acknowledged but not recorded: {}", e.toString());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", org.jsmpp.SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sockets that give up connecting after the response time-out, so that an unreachable host does not hang a bind for minutes. */
    private record TimedSocketConnections(int timeoutMillis) implements ConnectionFactory {

        @Override
        public Connection createConnection(String host, int port) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            }
            catch (IOException e) {
                socket.close();
                throw e;
            }
            return new SocketConnection(socket);
        }
    }
}
