package org.hall24.identity.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.device.CardRead;
import org.hall24.device.FaceChecked;
import org.hall24.device.FingerprintCaptured;
import org.hall24.device.IdCard;
import org.hall24.identity.AssistedCheckDecided;
import org.hall24.identity.CardPhotoViewed;
import org.hall24.identity.CardRefused;
import org.hall24.identity.FaceCheckRecorded;
import org.hall24.identity.FaceReport;
import org.hall24.identity.FaceVerdict;
import org.hall24.identity.FaceVerifier;
import org.hall24.identity.FingerprintVerifier;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSession.Stage;
import org.hall24.identity.KioskSessionChanged;
import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.KioskSessionException;
import org.hall24.identity.KioskSessionStarted;
import org.hall24.identity.KioskSessionTouched;
import org.hall24.identity.KioskSessionVerified;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.Person;
import org.hall24.identity.PhoneCheck;
import org.hall24.identity.SessionChallenge;
import org.hall24.identity.SessionEnd;
import org.hall24.notifications.VerificationCodes;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.Masking;
import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kiosk sessions in this node's memory, one per kiosk device (docs/adr/0009-kiosk-sessions-in-memory.md).
 * <p>
 * Card reads and face reports arrive as device events from the gateway; they are consumed with plain
 * synchronous {@code @EventListener}s, so the card's clear data never reaches the event publication
 * registry. What this class publishes carries ids and masked values only. State changes happen under
 * the instance's lock; events are published after it is released, in one transaction, so the audit
 * trail's listeners (which run after commit) receive them.
 * <p>
 * Each session draws a {@link SessionChallenge} when it starts; after the card read's events are
 * committed, {@link FaceCheckCommands} sends it to the kiosk on its own threads (never on the
 * gateway's), and again when the same card is read again while the face is awaited. A face report
 * verifies only if it was signed for the current session's challenge.
 */
@Service
class InMemoryKioskSessions implements KioskSessions {

    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(InMemoryKioskSessions.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final FaceVerifier faceVerifier;
    private final FaceCheckCommands faceChecks;
    private final ObjectProvider<FingerprintVerifier> fingerprintVerifier;
    private final VerificationCodes codes;
    private final Clock clock;
    private final Duration timeout;
    private final int maxFaceAttempts;

    /** Guarded by {@code this}. */
    private final Map<String, Live> byDevice = new HashMap<>();
    /** Guarded by {@code this}. */
    private final Map<UUID, Live> byId = new HashMap<>();

    InMemoryKioskSessions(ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            FaceVerifier faceVerifier, FaceCheckCommands faceChecks, ObjectProvider<FingerprintVerifier> fingerprintVerifier,
            VerificationCodes codes,
            Clock clock, @Value("${hall24.kiosk.inactivity-timeout:120s}") Duration timeout,
            @Value("${hall24.identity.face.max-attempts:3}") int maxFaceAttempts) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hall24.kiosk.inactivity-timeout must be positive");
        }
        if (maxFaceAttempts < 1) {
            throw new IllegalArgumentException("hall24.identity.face.max-attempts must be at least 1");
        }
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.faceVerifier = faceVerifier;
        this.faceChecks = faceChecks;
        this.fingerprintVerifier = fingerprintVerifier;
        this.codes = codes;
        this.clock = clock;
        this.timeout = timeout;
        this.maxFaceAttempts = maxFaceAttempts;
    }

    // ------------------------------------------------------------------ device events

    @EventListener
    void on(CardRead read) {
        IdCard card = read.card();
        String device = read.deviceCode();
        LocalDate today = LocalDate.now(clock.withZone(HALL_ZONE));
        List<Object> out = new ArrayList<>();
        Optional<CardRefused.Reason> refusal = refusal(card, today);
        @Nullable SessionChallenge challenge = null;
        synchronized (this) {
            Live previous = byDevice.get(device);
            if (refusal.isEmpty() && previous != null && previous.person.idNumber().value().equalsIgnoreCase(card.idNumber())) {
                touch(previous, out);
                if (previous.stage == Stage.AWAITING_FACE) {
                    challenge = previous.challenge;
                }
            }
            else {
                if (previous != null) {
                    out.add(forget(previous, SessionEnd.NEW_CARD));
                }
                if (refusal.isPresent()) {
                    out.add(new CardRefused(device, Masking.idNumber(card.idNumber()), refusal.get()));
                }
                else {
                    Instant now = clock.instant();
                    Person person = person(card);
                    Live live = new Live(UUID.randomUUID(), device, person, SessionChallenge.issue(person.idNumber()),
                            card.photo(), now, now.plus(timeout));
                    challenge = live.challenge;
                    byDevice.put(device, live);
                    byId.put(live.id, live);
                    out.add(new KioskSessionStarted(live.id, device));
                    out.add(changed(live));
                }
            }
        }
        refusal.ifPresent(r -> log.info("Kiosk {} refused an ID card: {}", device, r));
        publish(out);
        if (challenge != null) {
            String nonce = challenge.nonce();
            faceChecks.send(device, challenge, () -> awaitsFace(device, nonce));
        }
    }

    /** Whether the kiosk's current session is the one with this nonce, and still waits for the face. */
    private synchronized boolean awaitsFace(String device, String nonce) {
        Live live = byDevice.get(device);
        return live != null && live.stage == Stage.AWAITING_FACE && live.challenge.nonce().equals(nonce);
    }

    @EventListener
    void on(FaceChecked report) {
        List<Object> out = new ArrayList<>();
        FaceVerdict verdict;
        Live live;
        synchronized (this) {
            live = byDevice.get(report.deviceCode());
            if (live == null || live.stage != Stage.AWAITING_FACE || live.photo == null) {
                log.info("Face report from {} ignored: no session waits for a face there", report.deviceCode());
                return;
            }
            verdict = faceVerifier.verify(new FaceReport(report.deviceCode(), report.eventId(), report.nonce(),
                    report.cardHash(), report.score(), report.liveness(), report.signature()), live.challenge, live.photo);
            // A report made for another session says nothing about this person: recorded, not counted, screen unchanged.
            boolean counts = verdict.outcome().countsAsAttempt();
            int attempt = counts ? live.faceAttempts + 1 : 0;
            out.add(new FaceCheckRecorded(live.id, live.deviceCode, live.person.maskedIdNumber(), attempt,
                    verdict.outcome(), report.score()));
            if (verdict.accepted()) {
                verify(live, "face", out);
            }
            else if (counts) {
                live.faceAttempts = attempt;
                live.lastRefusal = verdict.outcome();
                if (attempt >= maxFaceAttempts) {
                    live.stage = Stage.FALLBACK_OFFERED;
                }
                touchAndChange(live, out);
            }
        }
        if (verdict.outcome().suspicious()) {
            log.warn("SUSPICIOUS: face report from {} for {} (session {}, event {}) refused: {}", report.deviceCode(),
                    live.person.maskedIdNumber(), live.id, report.eventId(), switch (verdict.outcome()) {
                        case UNSIGNED -> "it is not signed";
                        case OTHER_SESSION -> "it was signed for another session (another card, an ended session, a replay)";
                        default -> "its signature does not verify (not a trusted face module, or altered)";
                    });
        }
        publish(out);
    }

    @EventListener
    void on(FingerprintCaptured captured) {
        FingerprintVerifier verifier = fingerprintVerifier.getIfAvailable();
        if (verifier == null) {
            log.debug("Fingerprint from {} ignored: no fingerprint matcher is configured", captured.deviceCode());
            return;
        }
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            Live live = byDevice.get(captured.deviceCode());
            if (live == null || (live.stage != Stage.AWAITING_FACE && live.stage != Stage.FALLBACK_OFFERED)) {
                return;
            }
            if (verifier.matches(captured.deviceCode(), captured.template(), live.person.idNumber())) {
                verify(live, "fingerprint", out);
            }
        }
        publish(out);
    }

    @Scheduled(fixedDelayString = "${hall24.kiosk.inactivity-sweep:1s}")
    void endInactiveSessions() {
        Instant now = clock.instant();
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            for (Live live : List.copyOf(byId.values())) {
                if (!now.isBefore(live.expiresAt)) {
                    out.add(forget(live, SessionEnd.INACTIVITY));
                }
            }
        }
        publish(out);
    }

    // ------------------------------------------------------------------ API

    @Override
    public synchronized Optional<KioskSession> current(String deviceCode) {
        return Optional.ofNullable(byDevice.get(deviceCode)).map(this::snapshot);
    }

    @Override
    public synchronized Optional<KioskSession> find(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(this::snapshot);
    }

    @Override
    public void touch(UUID id) {
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            Live live = byId.get(id);
            if (live == null) {
                return;
            }
            touch(live, out);
        }
        publish(out);
    }

    @Override
    public void end(UUID id, SessionEnd reason) {
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            Live live = byId.get(id);
            if (live == null) {
                return;
            }
            out.add(forget(live, reason));
        }
        publish(out);
    }

    @Override
    public KioskSession declareEnterprise(UUID id, UnifiedSocialCreditCode code) {
        List<Object> out = new ArrayList<>();
        KioskSession result;
        synchronized (this) {
            Live live = live(id);
            requireStage(live, Stage.VERIFIED);
            live.enterprise = code;
            touchAndChange(live, out);
            result = snapshot(live);
        }
        publish(out);
        return result;
    }

    @Override
    public KioskSession requestAssistedCheck(UUID id) {
        List<Object> out = new ArrayList<>();
        KioskSession result;
        synchronized (this) {
            Live live = live(id);
            requireStage(live, Stage.AWAITING_FACE, Stage.FALLBACK_OFFERED);
            live.stage = Stage.AWAITING_STAFF;
            live.staffRequestedAt = clock.instant();
            touchAndChange(live, out);
            result = snapshot(live);
        }
        log.info("Kiosk {} asks staff to confirm the person of session {}", result.deviceCode(), id);
        publish(out);
        return result;
    }

    @Override
    public KioskSession approveAssistedCheck(UUID id, String staffUsername) {
        List<Object> out = new ArrayList<>();
        KioskSession result;
        synchronized (this) {
            Live live = live(id);
            requireStage(live, Stage.AWAITING_STAFF);
            out.add(new AssistedCheckDecided(id, live.deviceCode, live.person.maskedIdNumber(), staffUsername, true));
            verify(live, "staff", out);
            result = snapshot(live);
        }
        publish(out);
        return result;
    }

    @Override
    public KioskSession rejectAssistedCheck(UUID id, String staffUsername) {
        List<Object> out = new ArrayList<>();
        KioskSession result;
        synchronized (this) {
            Live live = live(id);
            requireStage(live, Stage.AWAITING_STAFF);
            out.add(new AssistedCheckDecided(id, live.deviceCode, live.person.maskedIdNumber(), staffUsername, false));
            KioskSession before = snapshot(live);
            out.add(forget(live, SessionEnd.FACE_REFUSED));
            result = new KioskSession(before.id(), before.deviceCode(), Stage.ENDED, before.person(), before.challenge(), null,
                    null, before.faceAttempts(), before.maxFaceAttempts(), before.startedAt(), before.lastActivity(),
                    before.expiresAt());
        }
        publish(out);
        return result;
    }

    @Override
    public synchronized Optional<FaceVerdict.Outcome> lastFaceRefusal(UUID id) {
        Live live = byId.get(id);
        return live == null || live.stage == Stage.VERIFIED ? Optional.empty() : Optional.ofNullable(live.lastRefusal);
    }

    @Override
    public synchronized List<KioskSession> awaitingStaff() {
        return byId.values().stream()
                .filter(l -> l.stage == Stage.AWAITING_STAFF)
                .sorted(Comparator.comparing((Live l) -> l.staffRequestedAt == null ? l.startedAt : l.staffRequestedAt))
                .map(this::snapshot)
                .toList();
    }

    @Override
    public Optional<byte[]> cardPhotoForStaff(UUID id, String staffUsername) {
        byte[] photo;
        CardPhotoViewed viewed;
        synchronized (this) {
            Live live = byId.get(id);
            if (live == null || live.stage != Stage.AWAITING_STAFF || live.photo == null) {
                return Optional.empty();
            }
            photo = live.photo.clone();
            viewed = new CardPhotoViewed(id, live.deviceCode, live.person.maskedIdNumber(), staffUsername);
        }
        publish(List.of(viewed));
        return Optional.of(photo);
    }

    @Override
    public VerificationCodes.Challenge sendPhoneCode(UUID id, MobileNumber phone, Locale locale) {
        synchronized (this) {
            requireStage(live(id), Stage.VERIFIED);
        }
        VerificationCodes.Challenge challenge = codes.issue(purpose(id), phone, "verification-code", locale, java.util.Map.of());
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            Live live = live(id);
            live.phoneChallenge = challenge.id();
            live.pendingPhone = phone;
            touch(live, out);
        }
        publish(out);
        return challenge;
    }

    @Override
    public PhoneCheck verifyPhone(UUID id, String code) {
        UUID challenge;
        synchronized (this) {
            challenge = live(id).phoneChallenge;
        }
        if (challenge == null) {
            return PhoneCheck.EXPIRED;
        }
        VerificationCodes.Result result = codes.verify(challenge, purpose(id), code);
        List<Object> out = new ArrayList<>();
        synchronized (this) {
            Live live = live(id);
            if (result == VerificationCodes.Result.VERIFIED && challenge.equals(live.phoneChallenge)) {
                live.verifiedPhone = live.pendingPhone;
                live.phoneChallenge = null;
                live.pendingPhone = null;
                out.add(changed(live));
            }
            touch(live, out);
        }
        publish(out);
        return switch (result) {
            case VERIFIED -> PhoneCheck.VERIFIED;
            case WRONG -> PhoneCheck.WRONG;
            case EXPIRED -> PhoneCheck.EXPIRED;
        };
    }

    @Override
    public Duration inactivityTimeout() {
        return timeout;
    }

    // ------------------------------------------------------------------ inside

    private static String purpose(UUID id) {
        return "kiosk-phone:" + id;
    }

    static Optional<CardRefused.Reason> refusal(IdCard card, LocalDate today) {
        Optional<ChineseIdNumber.Problem> problem = ChineseIdNumber.problemOf(card.idNumber(), today);
        if (problem.isPresent()) {
            return Optional.of(switch (problem.get()) {
                case FORMAT -> CardRefused.Reason.MALFORMED;
                case REGION -> CardRefused.Reason.UNKNOWN_REGION;
                case BIRTH_DATE -> CardRefused.Reason.INVALID_BIRTH_DATE;
                case CHECK_DIGIT -> CardRefused.Reason.BAD_CHECK_DIGIT;
            });
        }
        String validTo = card.validTo() == null ? "" : card.validTo().strip();
        if (!validTo.equals("长期")) {
            try {
                if (LocalDate.parse(validTo.replace('.', '-')).isBefore(today)) {
                    return Optional.of(CardRefused.Reason.EXPIRED);
                }
            }
            catch (DateTimeException e) {
                return Optional.of(CardRefused.Reason.UNREADABLE);
            }
        }
        return Optional.empty();
    }

    private static Person person(IdCard card) {
        ChineseIdNumber idNumber = ChineseIdNumber.of(card.idNumber());
        LocalDate birth;
        try {
            birth = LocalDate.parse(card.birthDate().strip().replace('.', '-'));
        }
        catch (RuntimeException e) {
            birth = idNumber.birthDate();
        }
        String address = card.address() == null || card.address().isBlank() ? null : card.address().strip();
        return new Person(card.name().strip(), idNumber, card.sex(), birth, address);
    }

    private Live live(UUID id) {
        Live live = byId.get(id);
        if (live == null) {
            throw new KioskSessionException("identity.session.gone", "no live kiosk session " + id);
        }
        return live;
    }

    private static void requireStage(Live live, Stage... stages) {
        for (Stage stage : stages) {
            if (live.stage == stage) {
                return;
            }
        }
        throw new KioskSessionException("identity.session.wrong-stage",
                "kiosk session " + live.id + " is " + live.stage + ", not " + List.of(stages));
    }

    private void verify(Live live, String method, List<Object> out) {
        live.stage = Stage.VERIFIED;
        live.photo = null;
        touchAndChange(live, out);
        out.add(new KioskSessionVerified(live.id, live.deviceCode, method));
    }

    /** Activity: pushes the deadline. Publishes {@link KioskSessionTouched} only; a change of what the screen shows adds {@link #changed}. */
    private void touch(Live live, List<Object> out) {
        Instant now = clock.instant();
        live.lastActivity = now;
        live.expiresAt = now.plus(timeout);
        out.add(new KioskSessionTouched(live.id, live.deviceCode, live.expiresAt));
    }

    private void touchAndChange(Live live, List<Object> out) {
        touch(live, out);
        out.add(changed(live));
    }

    private KioskSessionEnded forget(Live live, SessionEnd reason) {
        byId.remove(live.id);
        byDevice.remove(live.deviceCode, live);
        live.stage = Stage.ENDED;
        live.photo = null;
        live.pendingPhone = null;
        live.phoneChallenge = null;
        return new KioskSessionEnded(live.id, live.deviceCode, reason);
    }

    private static KioskSessionChanged changed(Live live) {
        return new KioskSessionChanged(live.id, live.deviceCode, live.stage, live.expiresAt);
    }

    private KioskSession snapshot(Live live) {
        return new KioskSession(live.id, live.deviceCode, live.stage, live.person, live.challenge, live.enterprise,
                live.verifiedPhone, live.faceAttempts, maxFaceAttempts, live.startedAt, live.lastActivity, live.expiresAt);
    }

    private void publish(List<Object> out) {
        if (out.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> out.forEach(events::publishEvent));
    }

    /** A live session's mutable state; only touched under the service's lock. */
    private static final class Live {

        final UUID id;
        final String deviceCode;
        final Person person;
        final SessionChallenge challenge;
        final Instant startedAt;
        Stage stage = Stage.AWAITING_FACE;
        byte @Nullable [] photo;
        @Nullable UnifiedSocialCreditCode enterprise;
        @Nullable MobileNumber verifiedPhone;
        @Nullable MobileNumber pendingPhone;
        @Nullable UUID phoneChallenge;
        @Nullable Instant staffRequestedAt;
        FaceVerdict.@Nullable Outcome lastRefusal;
        int faceAttempts;
        Instant lastActivity;
        Instant expiresAt;

        Live(UUID id, String deviceCode, Person person, SessionChallenge challenge, byte[] photo, Instant now, Instant expiresAt) {
            this.id = id;
            this.deviceCode = deviceCode;
            this.person = person;
            this.challenge = challenge;
            this.photo = photo.clone();
            this.startedAt = now;
            this.lastActivity = now;
            this.expiresAt = expiresAt;
        }
    }
}
