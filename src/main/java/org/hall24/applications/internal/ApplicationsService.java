package org.hall24.applications.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hall24.shared.Applicant;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.DraftMaterial;
import org.hall24.applications.DraftNotFoundException;
import org.hall24.applications.DraftNotReadyException;
import org.hall24.applications.FiledMaterial;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingAccessed;
import org.hall24.applications.FilingNotFoundException;
import org.hall24.applications.FilingNumber;
import org.hall24.applications.FilingStatus;
import org.hall24.applications.FilingStatusChanged;
import org.hall24.applications.FilingSubmitted;
import org.hall24.applications.FilingSummary;
import org.hall24.applications.FilingTransition;
import org.hall24.applications.FormCheck;
import org.hall24.applications.FormDefinition;
import org.hall24.applications.IdempotencyKeyReusedException;
import org.hall24.applications.IllegalTransitionException;
import org.hall24.applications.InvalidFormException;
import org.hall24.applications.MaterialRejectedException;
import org.hall24.applications.MaterialSource;
import org.hall24.cabinet.CabinetDeposits;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.ServiceItem;
import org.hall24.notifications.Notifications;
import org.hall24.platform.DisplayTime;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.Masking;
import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The applications module's facade. */
@Service
class ApplicationsService implements Applications {

    static final int MAX_FILES_PER_MATERIAL = 20;
    static final String SYSTEM = "system";
    private static final Pattern ROW_INDEX = Pattern.compile("\\[\\d+]");

    private static final Logger log = LoggerFactory.getLogger(ApplicationsService.class);

    private final Catalog catalog;
    private final FormEngine forms;
    private final MaterialNormaliser normaliser;
    private final Drafts drafts;
    private final FilingStore store;
    private final DocumentStore documents;
    private final FileCipher files;
    private final PersonalDataCipher cipher;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DisplayTime displayTime;
    private final JsonMapper json;
    private final Receipts receipts;
    private final CabinetDeposits deposits;

    ApplicationsService(Catalog catalog, FormEngine forms, MaterialNormaliser normaliser, Drafts drafts, FilingStore store,
            DocumentStore documents, FileCipher files, PersonalDataCipher cipher, Notifications notifications,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, DisplayTime displayTime, JsonMapper json,
            Receipts receipts, CabinetDeposits deposits) {
        this.receipts = receipts;
        this.deposits = deposits;
        this.catalog = catalog;
        this.forms = forms;
        this.normaliser = normaliser;
        this.drafts = drafts;
        this.store = store;
        this.documents = documents;
        this.files = files;
        this.cipher = cipher;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.displayTime = displayTime;
        this.json = json;
    }

    // ---------------------------------------------------------------- forms

    @Override
    public FormDefinition definition(ServiceItem item, Locale locale) {
        return forms.definition(item, locale);
    }

    @Override
    public Map<String, String> prefill(ServiceItem item, Applicant applicant) {
        return forms.prefill(item, applicant);
    }

    @Override
    public FormCheck check(ServiceItem item, Map<String, String> submitted, Locale locale) {
        return forms.check(item, submitted, locale);
    }

    // ---------------------------------------------------------------- drafts

    @Override
    public Draft openDraft(String sessionKey, String deviceCode, ServiceItem item, Applicant applicant) {
        Draft draft = new Draft(UUID.randomUUID(), sessionKey, deviceCode, item, applicant, forms.prefill(item, applicant),
                null, List.of(), List.of(), Locale.SIMPLIFIED_CHINESE);
        drafts.put(draft);
        return draft;
    }

    @Override
    public Optional<Draft> draft(UUID draftId) {
        return drafts.get(draftId);
    }

    @Override
    public Draft saveForm(UUID draftId, Map<String, String> submitted, Locale locale) {
        Draft current = drafts.get(draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
        FormCheck check = forms.check(current.item(), submitted, locale);
        Set<String> known = new HashSet<>();
        forms.definition(current.item(), locale).allFields().forEach(f -> known.add(f.name()));
        Map<String, String> kept = new LinkedHashMap<>();
        submitted.forEach((name, value) -> {
            if (value != null && known.contains(ROW_INDEX.matcher(name).replaceAll("[0]"))) {
                kept.put(name, value);
            }
        });
        Draft saved = drafts.update(draftId, d -> new Draft(d.id(), d.sessionKey(), d.deviceCode(), d.item(), d.applicant(),
                kept, check.values(), check.errors(), d.materials(), locale));
        if (!check.valid()) {
            throw new InvalidFormException(check.errors());
        }
        return saved;
    }

    @Override
    public Draft addMaterial(UUID draftId, int materialIndex, byte[] bytes, @Nullable String fileName, MaterialSource source) {
        Draft current = drafts.get(draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
        if (materialIndex < 0 || materialIndex >= current.item().materials().size()) {
            throw new IllegalArgumentException("item " + current.itemCode() + " has no material " + materialIndex);
        }
        if (current.materials(materialIndex).size() >= MAX_FILES_PER_MATERIAL) {
            throw new MaterialRejectedException(MaterialRejectedException.Reason.TOO_MANY_FILES);
        }
        MaterialNormaliser.Normalised file = normaliser.normalise(bytes);
        DraftMaterial material = new DraftMaterial(UUID.randomUUID(), materialIndex, file.contentType(), file.content().length,
                file.pages(), fileName == null ? null : fileName.strip(), source, file.content(), file.thumbnail());
        return drafts.update(draftId, d -> {
            if (d.materials(materialIndex).size() >= MAX_FILES_PER_MATERIAL) {
                throw new MaterialRejectedException(MaterialRejectedException.Reason.TOO_MANY_FILES);
            }
            List<DraftMaterial> materials = new ArrayList<>(d.materials());
            materials.add(material);
            return new Draft(d.id(), d.sessionKey(), d.deviceCode(), d.item(), d.applicant(), d.submitted(), d.values(),
                    d.formErrors(), materials, d.locale());
        });
    }

    @Override
    public Draft removeMaterial(UUID draftId, UUID materialId) {
        return drafts.update(draftId, d -> new Draft(d.id(), d.sessionKey(), d.deviceCode(), d.item(), d.applicant(),
                d.submitted(), d.values(), d.formErrors(),
                d.materials().stream().filter(m -> !m.id().equals(materialId)).toList(), d.locale()));
    }

    @Override
    public void discardDrafts(String sessionKey) {
        drafts.removeSession(sessionKey);
    }

    // ---------------------------------------------------------------- submission

    @Override
    public Filing submit(UUID draftId, String idempotencyKey, String hallCode, String actor) {
        Filing filing = tx.execute(status -> {
            store.lockIdempotencyKey(idempotencyKey);
            Optional<FilingStore.Row> existing = store.byIdempotencyKey(idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get().draftId().equals(draftId)) {
                    throw new IdempotencyKeyReusedException();
                }
                return read(existing.get());
            }
            Draft draft = drafts.get(draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
            if (!draft.ready()) {
                throw new DraftNotReadyException(!draft.formComplete() ? "the form is not complete and valid"
                        : "required electronic materials are missing: " + draft.missingRequiredMaterials());
            }
            return file(draft, idempotencyKey, hallCode, actor);
        });
        drafts.remove(draftId);
        return filing;
    }

    private Filing file(Draft draft, String idempotencyKey, String hallCode, String actor) {
        ServiceItem item = catalog.item(draft.itemCode(), draft.itemVersion()).orElseThrow(
                () -> new IllegalStateException("item " + draft.itemCode() + "@" + draft.itemVersion() + " is not in the catalog"));
        List<UUID> written = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    written.forEach(id -> {
                        try {
                            documents.delete(id);
                        }
                        catch (RuntimeException e) {
                            log.warn("Could not remove document {} of a failed submission", id, e);
                        }
                    });
                }
            }
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, displayTime.zone());
        String number = FilingNumber.of(hallCode, today, item.department(), store.nextSequence(hallCode, today));
        UUID id = UUID.randomUUID();
        List<FiledMaterial> filed = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (DraftMaterial m : draft.materials()) {
            FileCipher.Sealed sealed = files.seal(m.content());
            documents.put(m.id(), sealed.bytes());
            written.add(m.id());
            filed.add(new FiledMaterial(m.id(), m.index(), m.contentType(), m.content().length, m.pages(), sha256(m.content()),
                    m.source()));
            keys.add(sealed.wrappedKey());
        }
        Applicant applicant = draft.applicant();
        JsonNode form = draft.values() == null ? JsonNodeFactory.instance.objectNode() : draft.values();
        LocalDate due = WorkingDays.after(today, item.handlingType() == HandlingType.INSTANT ? 0 : item.promisedDays());
        FilingStore.Row row = new FilingStore.Row(id, number, item.code(), item.version(), item.department(),
                item.handlingType(), FilingStatus.SUBMITTED, cipher.encrypt(applicant.name()),
                cipher.encrypt(applicant.idNumber().value()),
                applicant.enterprise() == null ? null : applicant.enterprise().value(),
                applicant.phone() == null ? null : cipher.encrypt(applicant.phone().value()),
                cipher.encrypt(json.writeValueAsString(form)), draft.deviceCode(), hallCode, now, due, idempotencyKey,
                draft.id());
        store.insert(row, cipher.blindIndex("id:" + applicant.idNumber().value()));
        for (int i = 0; i < filed.size(); i++) {
            store.insertMaterial(id, filed.get(i), keys.get(i));
        }
        store.insertTransition(id, null, FilingStatus.SUBMITTED, actor, "", now);
        if (item.paperDeposit()) {
            // In this transaction: a filing whose compartment could not be reserved is not half-saved, and the
            // receipt printed after the commit finds the token. Full, offline or no cabinet: the papers go to a counter.
            CabinetDeposits.Offer offer = deposits.offer(hallCode, number, item.code(), actor);
            log.info("Paper of {} goes {}", number, offer instanceof CabinetDeposits.Ready ready
                    ? "to cabinet " + ready.cabinetCode() + " compartment " + ready.compartment() : "to a counter (" + offer + ")");
        }
        events.publishEvent(new FilingSubmitted(number, item.code(), draft.deviceCode(), draft.locale()));
        FilingStatus status = FilingStatus.SUBMITTED;
        if (item.handlingType() == HandlingType.INSTANT) {
            store.updateStatus(id, FilingStatus.APPROVED);
            store.insertTransition(id, FilingStatus.SUBMITTED, FilingStatus.APPROVED, SYSTEM, "instant item", now);
            events.publishEvent(new FilingStatusChanged(number, FilingStatus.SUBMITTED, FilingStatus.APPROVED, SYSTEM));
            status = FilingStatus.APPROVED;
        }
        if (applicant.phone() != null) {
            notifications.sendSms(applicant.phone(), "filing-received",
                    Map.of("item", item.name().in(draft.locale()), "number", number, "days", Integer.toString(item.promisedDays())),
                    draft.locale());
        }
        log.info("Filed {} for item {}@{} at {} ({} file(s))", number, item.code(), item.version(), draft.deviceCode(),
                filed.size());
        return new Filing(id, number, item.code(), item.version(), status, applicant, form, filed, draft.deviceCode(),
                now, due, hallCode);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- filings

    @Override
    public Optional<Filing> filing(String number, String actor, String purpose) {
        return tx.execute(status -> store.byNumber(number).map(row -> {
            events.publishEvent(new FilingAccessed(number, actor, purpose));
            return read(row);
        }));
    }

    @Override
    public List<FilingSummary> latest(int limit) {
        return store.latest(limit).stream().map(this::summary).toList();
    }

    @Override
    public Optional<FilingSummary> summary(String number) {
        return store.byNumber(number).map(this::summary);
    }

    private FilingSummary summary(FilingStore.Row r) {
        return new FilingSummary(r.number(), r.itemCode(), r.itemVersion(), Masking.name(cipher.decrypt(r.sealedName())),
                r.status(), r.deviceCode(), r.submittedAt(), r.dueDate());
    }

    @Override
    public Filing transition(String number, FilingStatus to, String actor, String reason) {
        return tx.execute(status -> {
            FilingStore.Row row = store.byNumberForUpdate(number).orElseThrow(() -> new FilingNotFoundException(number));
            FilingStatus from = row.status();
            if (!from.canMoveTo(to, row.handlingType())) {
                throw new IllegalTransitionException(number, from, to, from.next(row.handlingType()));
            }
            store.updateStatus(row.id(), to);
            store.insertTransition(row.id(), from, to, actor, reason == null ? "" : reason.strip(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            events.publishEvent(new FilingStatusChanged(number, from, to, actor));
            return read(store.byNumber(number).orElseThrow());
        });
    }

    @Override
    public List<FilingTransition> history(String number) {
        FilingStore.Row row = store.byNumber(number).orElseThrow(() -> new FilingNotFoundException(number));
        return store.transitions(row.id());
    }

    @Override
    public byte[] materialContent(String number, UUID materialId, String actor) {
        return tx.execute(status -> {
            FilingStore.Row row = store.byNumber(number).orElseThrow(() -> new FilingNotFoundException(number));
            FilingStore.MaterialRow material = store.materials(row.id()).stream()
                    .filter(m -> m.material().id().equals(materialId)).findFirst()
                    .orElseThrow(() -> new FilingNotFoundException(number + "/" + materialId));
            events.publishEvent(new FilingAccessed(number, actor, "material"));
            return files.open(documents.get(materialId), material.wrappedKey());
        });
    }

    private Filing read(FilingStore.Row r) {
        Applicant applicant = new Applicant(cipher.decrypt(r.sealedName()), ChineseIdNumber.of(cipher.decrypt(r.sealedIdNumber())),
                r.enterpriseCode() == null ? null : UnifiedSocialCreditCode.of(r.enterpriseCode()),
                r.sealedPhone() == null ? null : MobileNumber.of(cipher.decrypt(r.sealedPhone())));
        JsonNode form = json.readTree(cipher.decrypt(r.sealedForm()));
        return new Filing(r.id(), r.number(), r.itemCode(), r.itemVersion(), r.status(), applicant, form,
                store.materials(r.id()).stream().map(FilingStore.MaterialRow::material).toList(), r.deviceCode(),
                r.submittedAt(), r.dueDate(), r.hallCode());
    }

    @Override
    public Draft verifiedPhone(UUID draftId, MobileNumber phone) {
        Draft d = drafts.get(draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
        Applicant a = d.applicant();
        Draft updated = new Draft(d.id(), d.sessionKey(), d.deviceCode(), d.item(), new Applicant(a.name(), a.idNumber(),
                a.enterprise(), phone), d.submitted(), d.values(), d.formErrors(), d.materials(), d.locale());
        drafts.put(updated);
        return updated;
    }

    // ---------------------------------------------------------------- receipts

    @Override
    public byte[] receipt(String number, Locale locale, String actor) {
        Filing filing = filing(number, actor, "receipt").orElseThrow(() -> new FilingNotFoundException(number));
        return receipts.render(filing, locale, clock.instant());
    }

    @Override
    public String trackUrl(String number) {
        return receipts.trackUrl(number);
    }
}
