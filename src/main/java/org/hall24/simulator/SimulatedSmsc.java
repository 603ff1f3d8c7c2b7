package org.hall24.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated carrier SMSC: an SMPP 3.4 server (jSMPP's server side) on 127.0.0.1 that the
 * platform's SMPP provider binds to as it would to a carrier's. It checks the account
 * ({@code system_id}, password), accepts {@code submit_sm} with a message id, refuses a destination
 * that is not an 11-digit mainland mobile number with {@code ESME_RINVDSTADR}, reassembles
 * concatenated parts (UDH) per sender, phone and reference into the phone's inbox, and after
 * {@link Settings#receiptDelay()} sends a delivery receipt ({@code deliver_sm}, esm_class
 * {@code 0x04}) back to a bound transceiver or receiver: {@code stat:DELIVRD}, or
 * {@code stat:UNDELIV} for a number on {@link Settings#unreachable()}. A receipt that finds no
 * bound session waits for the next bind.
 * <p>
 * Fault switches for tests and the demo: {@link #down()} / {@link #up()} (sessions closed, binds
 * refused: connection refused), {@link #answerWithin(Duration)} (every {@code submit_sm_resp}
 * late), {@link #refuseSubmitsWith(int)} (a command status such as {@code ESME_RTHROTTLED}).
 * It counts every {@code submit_sm} it receives, in total and per destination, so a test can
 * prove a message was sent exactly once. Everything is in memory and bounded ({@link SmscInbox}).
 * Thread-safe.
 */
public final class SimulatedSmsc implements AutoCloseable {

    public static final String DEMO_SYSTEM_ID = "hall24";
    /** SMPP passwords are at most 8 characters. */
    public static final String DEMO_PASSWORD = "hall24sm";
    /** The SMSC's own system id in its bind responses. */
    public static final String SMSC_SYSTEM_ID = "HALL24SIM";

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsc.class);
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final int RECEIPT_TRIES = 5;
    private static final int WAITING_RECEIPTS = 10_000;
    private static final long BIND_WAIT_MILLIS = 5_000;

    /**
     * How the simulated SMSC runs.
     *
     * @param port where it listens on 127.0.0.1; 0 for a free port ({@link #port()} then tells which)
     * @param systemId the account's {@code system_id}
     * @param password the account's password (at most 8 characters)
     * @param receiptDelay how long after a message is complete its receipts go back
     * @param unreachable numbers whose messages are accepted but not delivered ({@code UNDELIV})
     */
    public record Settings(int port, String systemId, String password, Duration receiptDelay, Set<String> unreachable) {

        public Settings {
            unreachable = Set.copyOf(unreachable);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            if (receiptDelay.isNegative()) {
                throw new IllegalArgumentException("receipt delay must not be negative");
            }
        }

        /** The demo account on a free port, receipts after 1 s. */
        public static Settings demo() {
            return new Settings(0, DEMO_SYSTEM_ID, DEMO_PASSWORD, Duration.ofSeconds(1), Set.of());
        }

        public Settings withPort(int port) {
            return new Settings(port, systemId, password, receiptDelay, unreachable);
        }

        public Settings withReceiptDelay(Duration delay) {
            return new Settings(port, systemId, password, delay, unreachable);
        }

        public Settings withUnreachable(Set<String> numbers) {
            return new Settings(port, systemId, password, receiptDelay, numbers);
        }
    }

    private record Receipt(PhoneMessage message, String messageId, String systemId, Instant submittedAt, int tries) {

        Receipt retried() {
            return new Receipt(message, messageId, systemId, submittedAt, tries + 1);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final SmscInbox inbox = new SmscInbox();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<SMPPServerSession, String> accounts = new ConcurrentHashMap<>();
    private final ExecutorService binders = Executors.newCachedThreadPool(daemon("simulated-smsc-bind"));
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(daemon("simulated-smsc-receipts"));
    private final ConcurrentLinkedDeque<Receipt> waitingReceipts = new ConcurrentLinkedDeque<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final Map<String, AtomicInteger> submitsPerDestination = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final Object lifecycle = new Object();

    private volatile @Nullable SMPPServerSessionListener listener;
    private volatile int port;
    private volatile boolean up = true;
    private volatile boolean closed;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile @Nullable Integer refusal;

    public SimulatedSmsc(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public SimulatedSmsc(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.port = settings.port();
        // Ids unlikely to repeat across restarts, as the platform's outbox outlives the simulator.
        this.ids = new AtomicLong((clock.millis() / 1000 & 0xFFFFFFFFL) << 20);
    }

    /** Starts listening; returns this. */
    public SimulatedSmsc start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (listener == null) {
                listen();
                receipts.scheduleWithFixedDelay(this::sendWaitingReceipts, 1, 1, TimeUnit.SECONDS);
                log.info("Simulated carrier SMSC listens on 127.0.0.1:{} (system id {})", port, settings.systemId());
            }
        }
        return this;
    }

    /** The port it listens on (the free one picked when configured 0), once started. */
    public int port() {
        return port;
    }

    public Settings settings() {
        return settings;
    }

    // --- fault switches -------------------------------------------------------------------------

    /** An outage: closes every session and stops listening, so binds are refused, until {@link #up()}. */
    public void down() {
        synchronized (lifecycle) {
            up = false;
            SMPPServerSessionListener current = listener;
            listener = null;
            if (current != null) {
                try {
                    current.close();
                }
                catch (IOException e) {
                    log.debug("Simulated SMSC: closing the listener: {}", e.toString());
                }
            }
            for (SMPPServerSession session : List.copyOf(sessions)) {
                session.close();
            }
            log.info("Simulated carrier SMSC is down (sessions closed, binds refused)");
        }
    }

    /** Ends an outage: listens again on the same port. */
    public void up() {
        synchronized (lifecycle) {
            if (closed || up) {
                return;
            }
            up = true;
            listen();
            log.info("Simulated carrier SMSC is up again on 127.0.0.1:{}", port);
        }
    }

    public boolean isUp() {
        return up;
    }

    /** Answers every {@code submit_sm} only after {@code delay} (a slow or congested SMSC); {@link Duration#ZERO} for at once. */
    public void answerWithin(Duration delay) {
        answerDelay = delay;
    }

    /** How late each {@code submit_sm_resp} goes. */
    public Duration answerDelay() {
        return answerDelay;
    }

    /** Answers every {@code submit_sm} with this command status (e.g. {@code 0x58} ESME_RTHROTTLED) until {@link #acceptSubmits()}. */
    public void refuseSubmitsWith(int commandStatus) {
        refusal = commandStatus;
    }

    public void acceptSubmits() {
        refusal = null;
    }

    /** Up, answering at once, accepting submits. */
    public void clearFaults() {
        acceptSubmits();
        answerWithin(Duration.ZERO);
        up();
    }

    // --- what it saw ----------------------------------------------------------------------------

    /** Every {@code submit_sm} received, accepted or not. */
    public int submits() {
        return submits.get();
    }

    /** The {@code submit_sm} received for this destination (one per part), accepted or not. */
    public int submitsTo(String phone) {
        AtomicInteger count = submitsPerDestination.get(phone);
        return count == null ? 0 : count.get();
    }

    /** The numbers that received messages, the latest first. */
    public List<String> phones() {
        return inbox.phones();
    }

    /** A phone's messages, newest first. */
    public List<PhoneMessage> messages(String phone) {
        return inbox.messages(phone);
    }

    /** A phone's latest message. */
    public Optional<PhoneMessage> lastMessage(String phone) {
        return messages(phone).stream().findFirst();
    }

    /** How many concatenated messages wait for a missing part. */
    public int incompleteMessages() {
        return inbox.incomplete();
    }

    /** The sessions bound now. */
    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** How many receipts wait for a bound session. */
    public int waitingReceipts() {
        return waitingReceipts.size();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            SMPPServerSessionListener current = listener;
            listener = null;
            if (current != null) {
                try {
                    current.close();
                }
                catch (IOException e) {
                    log.debug("Simulated SMSC: closing the listener: {}", e.toString());
                }
            }
            for (SMPPServerSession session : List.copyOf(sessions)) {
                session.close();
            }
            receipts.shutdownNow();
            binders.shutdownNow();
        }
    }

    // --- the server -----------------------------------------------------------------------------

    private void listen() {
        LoopbackServerSockets sockets = new LoopbackServerSockets();
        SMPPServerSessionListener opened;
        try {
            opened = new SMPPServerSessionListener(port, sockets);
        }
        catch (IOException e) {
            throw new IllegalStateException("The simulated SMSC cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        port = sockets.localPort;
        opened.setSessionStateListener(this::onStateChange);
        opened.setMessageReceiverListener(new Receiver());
        listener = opened;
        Thread acceptor = new Thread(() -> accept(opened), "simulated-smsc-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(SMPPServerSessionListener from) {
        while (listener == from) {
            try {
                SMPPServerSession session = from.accept();
                binders.execute(() -> bind(session));
            }
            catch (IOException e) {
                if (listener == from) {
                    log.debug("Simulated SMSC: accept failed: {}", e.toString());
                }
            }
            catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_WAIT_MILLIS);
            if (!up || closed) {
                refuse(session, request, SMPPConstant.STAT_ESME_RBINDFAIL);
                return;
            }
            if (!settings.systemId().equals(request.getSystemId())) {
                log.info("Simulated SMSC refused a bind: unknown system id");
                refuse(session, request, SMPPConstant.STAT_ESME_RINVSYSID);
                return;
            }
            if (!settings.password().equals(request.getPassword())) {
                log.info("Simulated SMSC refused a bind for {}: wrong password", request.getSystemId());
                refuse(session, request, SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            accounts.put(session, request.getSystemId());
            sessions.add(session);
            request.accept(SMSC_SYSTEM_ID);
            log.info("Simulated SMSC: {} bound as {}", request.getSystemId(), request.getBindType());
            if (request.getBindType() != BindType.BIND_TX) {
                receipts.execute(this::sendWaitingReceipts);
            }
        }
        catch (java.util.concurrent.TimeoutException e) {
            log.debug("Simulated SMSC: no bind request in time");
        }
        catch (IOException | PDUStringException | IllegalStateException e) {
            log.debug("Simulated SMSC: bind failed: {}", e.toString());
            session.close();
        }
    }

    /**
     * Refuses a bind and closes the session a little later: the client closes it itself on the
     * negative response, and jSMPP's client loses a response whose connection closes at once
     * (its reader stops before the response is handled).
     */
    private void refuse(SMPPServerSession session, BindRequest request, int status) throws IOException {
        request.reject(status);
        try {
            receipts.schedule(session::close, 2, TimeUnit.SECONDS);
        }
        catch (java.util.concurrent.RejectedExecutionException e) {
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source instanceof SMPPServerSession server) {
            sessions.remove(server);
            accounts.remove(server);
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            String to = submitSm.getDestAddress();
            submits.incrementAndGet();
            submitsPerDestination.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            Duration delay = answerDelay;
            Integer refused = refusal;
            try {
                if (refused != null) {
                    pause(delay);
                    throw new ProcessRequestException("refused by the simulator's fault switch", refused);
                }
                if (to == null || !MAINLAND_MOBILE.matcher(to).matches()) {
                    pause(delay);
                    throw new ProcessRequestException("not an 11-digit mainland mobile number", SMPPConstant.STAT_ESME_RINVDSTADR);
                }
                ShortMessages.Decoded decoded;
                try {
                    decoded = ShortMessages.decode(submitSm.getEsmClass(), submitSm.getDataCoding(), submitSm.getShortMessage());
                }
                catch (IllegalArgumentException e) {
                    pause(delay);
                    throw new ProcessRequestException("malformed UDH: " + e.getMessage(), SMPPConstant.STAT_ESME_RINVESMCLASS);
                }
                String id = Long.toHexString(ids.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
                Instant now = clock.instant();
                boolean delivered = !settings.unreachable().contains(to);
                Optional<PhoneMessage> complete = inbox.accept(nullToEmpty(submitSm.getSourceAddr()), to, id, decoded, now, delivered);
                if ((submitSm.getRegisteredDelivery() & 0x03) != 0) {
                    String account = accounts.getOrDefault(source, settings.systemId());
                    complete.ifPresent(message -> scheduleReceipts(message, account, delay.plus(settings.receiptDelay())));
                }
                pause(delay);
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            }
            catch (PDUStringException e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    // --- receipts -------------------------------------------------------------------------------

    private void scheduleReceipts(PhoneMessage message, String account, Duration after) {
        Instant submittedAt = message.receivedAt();
        for (String id : message.messageIds()) {
            Receipt receipt = new Receipt(message, id, account, submittedAt, 0);
            try {
                receipts.schedule(() -> send(receipt), after.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void sendWaitingReceipts() {
        int n = waitingReceipts.size();
        for (int i = 0; i < n; i++) {
            Receipt receipt = waitingReceipts.pollFirst();
            if (receipt == null) {
                return;
            }
            if (receiver(receipt.systemId()).isEmpty()) {
                waitingReceipts.addFirst(receipt);
                return;
            }
            send(receipt);
        }
    }

    private Optional<SMPPServerSession> receiver(String account) {
        return sessions.stream()
                .filter(s -> s.getSessionState().isReceivable() && account.equals(accounts.get(s)))
                .findFirst();
    }

    private void send(Receipt receipt) {
        Optional<SMPPServerSession> session = receiver(receipt.systemId());
        if (session.isEmpty()) {
            waitFor(receipt);
            return;
        }
        PhoneMessage message = receipt.message();
        Instant now = clock.instant();
        String text = "id:" + receipt.messageId() + " sub:001 dlvrd:" + (message.delivered() ? "001" : "000")
                + " submit date:" + RECEIPT_DATE.format(receipt.submittedAt()) + " done date:" + RECEIPT_DATE.format(now)
                + " stat:" + message.receiptStatus() + " err:" + (message.delivered() ? "000" : "001") + " text:";
        try {
            session.get().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, message.to(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, message.from(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    text.getBytes(StandardCharsets.US_ASCII), new OptionalParameter.Receipted_message_id(receipt.messageId()),
                    new OptionalParameter.Message_state((byte) (message.delivered() ? 2 : 5)));
            message.receiptAcknowledged(clock.instant());
        }
        catch (NegativeResponseException e) {
            log.info("Simulated SMSC: the receipt for {} was refused (command status {})", receipt.messageId(), e.getCommandStatus());
        }
        catch (Exception e) {
            log.debug("Simulated SMSC: the receipt for {} did not go: {}", receipt.messageId(), e.toString());
            waitFor(receipt.retried());
        }
    }

    private void waitFor(Receipt receipt) {
        if (receipt.tries() >= RECEIPT_TRIES) {
            log.info("Simulated SMSC: gave up the receipt for {}", receipt.messageId());
            return;
        }
        waitingReceipts.addLast(receipt);
        while (waitingReceipts.size() > WAITING_RECEIPTS) {
            waitingReceipts.pollFirst();
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Server sockets on 127.0.0.1 only, with the port they really got: jSMPP's own factory binds
     * every address, and its listener reports the configured port (0) rather than the one picked.
     */
    private static final class LoopbackServerSockets implements ServerConnectionFactory {

        volatile int localPort;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            socket.setSoTimeout(timeout);
            localPort = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }
    }
}
