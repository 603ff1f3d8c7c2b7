package org.hall24.applications;

import org.hall24.shared.Applicant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.catalog.ServiceItem;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;

/**
 * Applications (申办): forms generated from an item's schema, drafts with their materials,
 * idempotent submission into numbered filings, and the filing lifecycle. See docs/applications.md.
 */
public interface Applications {

    // ---- forms

    /** The render model of the item's form in a language; no fields for an item without a form. */
    FormDefinition definition(ServiceItem item, Locale locale);

    /** The first values of the fields that can come from the applicant, by HTML field name. */
    Map<String, String> prefill(ServiceItem item, Applicant applicant);

    /**
     * Types and checks submitted form text against the item's schema and the {@code x-format}
     * rules. Blank values count as absent; unknown names are ignored.
     */
    FormCheck check(ServiceItem item, Map<String, String> submitted, Locale locale);

    // ---- drafts (in memory only)

    /** Starts a draft for the item's current version, with the form prefilled from the applicant. */
    Draft openDraft(String sessionKey, String deviceCode, ServiceItem item, Applicant applicant);

    Optional<Draft> draft(UUID draftId);

    /**
     * Saves the form text into the draft.
     *
     * @throws InvalidFormException if the form is invalid; the draft keeps the text and the errors
     * @throws DraftNotFoundException if there is no such draft
     */
    Draft saveForm(UUID draftId, Map<String, String> submitted, Locale locale);

    /**
     * Checks, normalises and attaches a file to one of the item's materials.
     *
     * @param materialIndex the material's index in the item's {@code materials()}
     * @throws MaterialRejectedException if the file is refused; nothing is attached
     * @throws IllegalArgumentException if there is no such material
     */
    Draft addMaterial(UUID draftId, int materialIndex, byte[] bytes, @Nullable String fileName, MaterialSource source);

    Draft removeMaterial(UUID draftId, UUID materialId);

    /** Forgets every draft of a kiosk session (the session ended). */
    /**
     * Records the phone the applicant proved to hold (by an SMS code) on the draft: the filing's
     * notifications go there.
     *
     * @throws DraftNotFoundException if there is no such draft
     */
    Draft verifiedPhone(UUID draftId, MobileNumber phone);

    void discardDrafts(String sessionKey);

    /**
     * Files the draft. Everything is stored in one transaction (files included: none is left behind on
     * failure); the draft is consumed on success. Calling again with the same key returns the same
     * filing, even concurrently.
     *
     * @param idempotencyKey chosen by the caller for this submission (e.g. per draft and press of the button)
     * @param hallCode the hall of the kiosk, the filing number's prefix
     * @param actor who submits, for the history (e.g. {@code kiosk:<device>})
     * @throws DraftNotReadyException if the draft is not {@link Draft#ready()}
     * @throws DraftNotFoundException if there is no such draft and the key made no filing
     * @throws IdempotencyKeyReusedException if the key already filed another draft
     */
    Filing submit(UUID draftId, String idempotencyKey, String hallCode, String actor);

    // ---- filings

    /**
     * A filing, decrypted. The read is audited as an access to personal data.
     *
     * @param actor who reads
     * @param purpose why, for the audit trail
     */
    Optional<Filing> filing(String number, String actor, String purpose);

    /** The newest filings first, at most {@code limit}, without personal data beyond masked names. */
    List<FilingSummary> latest(int limit);

    /** A filing's summary (masked); not audited. */
    Optional<FilingSummary> summary(String number);

    /**
     * Moves a filing in its lifecycle.
     *
     * @throws IllegalTransitionException if its status does not lead to {@code to}
     * @throws FilingNotFoundException if there is no such filing
     */
    Filing transition(String number, FilingStatus to, String actor, String reason);

    /** The filing's transitions, oldest first (the submission first). */
    List<FilingTransition> history(String number);

    /**
     * The clear content of a stored file; audited.
     *
     * @throws FilingNotFoundException if the filing or the file does not exist
     */
    byte[] materialContent(String number, UUID materialId, String actor);

    /**
     * The filing's receipt (受理回执): a PDF in the given language with the filing number, the item,
     * the applicant with the ID number masked, the materials received, the promised time limit and
     * due date, the next steps and a QR code to the progress page. Reading it is audited. Printing it
     * at a kiosk is the kiosk's ({@code KioskPrints}): it reacts to {@link FilingSubmitted}.
     *
     * @throws FilingNotFoundException if there is no such filing
     */
    byte[] receipt(String number, Locale locale, String actor);

    /** The public progress page of a filing, as the receipt's QR code carries it. */
    String trackUrl(String number);
}
