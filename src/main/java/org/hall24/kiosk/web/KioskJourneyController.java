package org.hall24.kiosk.web;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.shared.Applicant;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.DraftMaterial;
import org.hall24.applications.FieldError;
import org.hall24.applications.FieldKind;
import org.hall24.applications.FormDefinition;
import org.hall24.applications.FormField;
import org.hall24.applications.InvalidFormException;
import org.hall24.applications.MaterialRejectedException;
import org.hall24.applications.MaterialSource;
import org.hall24.applications.Prefill;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.Category;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Material;
import org.hall24.catalog.ServiceItem;
import org.hall24.identity.KioskSession;
import org.hall24.kiosk.PairedKiosk;
import org.hall24.platform.NotFoundException;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The citizen's journey after identification: the items this kiosk's device type handles, an
 * item's guide, the form generated from its schema and the materials. Every step works on the
 * kiosk's current verified session only; a draft of another session is not found. The phone
 * check, review, submission and receipt are in {@link KioskSubmitController}.
 */
@Controller
@RequestMapping("/kiosk")
class KioskJourneyController {

    static final int PAGE_SIZE = 8;
    private static final Pattern ROW = Pattern.compile("^(.+?)\\[(\\d+)]\\.");

    private final Catalog catalog;
    private final Applications applications;
    private final KioskFilings state;
    private final long materialMaxBytes;

    KioskJourneyController(Catalog catalog, Applications applications, KioskFilings state,
            @Value("${hall24.applications.material-max-bytes:10485760}") long materialMaxBytes) {
        this.catalog = catalog;
        this.applications = applications;
        this.state = state;
        this.materialMaxBytes = materialMaxBytes;
    }

    // --- items ---------------------------------------------------------------------------------

    @GetMapping("/items")
    String items(PairedKiosk kiosk, @VerifiedSession KioskSession session,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        String text = q == null ? null : q.strip();
        if (text != null && text.length() > 50) {
            text = text.substring(0, 50);
        }
        String categoryCode = category != null && catalog.category(category).isPresent() ? category : null;
        int pageNumber = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        ItemPage result = catalog.search(new ItemQuery(text, categoryCode, null, null, Set.of(kiosk.deviceType()), false,
                pageNumber, PAGE_SIZE));
        model.addAttribute("step", "items");
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("category", categoryCode);
        model.addAttribute("items", result);
        model.addAttribute("categories", categoriesFor(kiosk));
        return htmx != null ? "kiosk/items :: results" : "kiosk/items";
    }

    private List<Category> categoriesFor(PairedKiosk kiosk) {
        Set<String> used = new HashSet<>();
        catalog.search(new ItemQuery(null, null, null, null, Set.of(kiosk.deviceType()), false, 0, ItemQuery.MAX_SIZE))
                .items().forEach(i -> used.add(i.category()));
        return catalog.categories().stream().filter(c -> used.contains(c.code())).toList();
    }

    @GetMapping("/items/{code}")
    String guide(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable String code, Model model) {
        ServiceItem item = itemFor(kiosk, code);
        model.addAttribute("step", "guide");
        model.addAttribute("item", item);
        model.addAttribute("department", catalog.department(item.department()).orElse(null));
        return "kiosk/guide";
    }

    @PostMapping("/items/{code}/start")
    String start(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable String code) {
        ServiceItem item = itemFor(kiosk, code);
        Draft draft = applications.openDraft(session.id().toString(), kiosk.deviceCode(), item, applicant(session));
        if (item.hasForm()) {
            return "redirect:/kiosk/drafts/" + draft.id() + "/form";
        }
        return "redirect:/kiosk/drafts/" + draft.id() + afterForm(draft);
    }

    private ServiceItem itemFor(PairedKiosk kiosk, String code) {
        return catalog.item(code).filter(i -> !i.retired() && i.handledOn(kiosk.deviceType()))
                .orElseThrow(() -> new NotFoundException("item " + code + " is not handled on this kiosk"));
    }

    static Applicant applicant(KioskSession session) {
        return new Applicant(session.person().name(), session.person().idNumber(), session.enterprise(), session.verifiedPhone());
    }

    // --- form ----------------------------------------------------------------------------------

    @GetMapping("/drafts/{id}/form")
    String form(@VerifiedSession KioskSession session, @PathVariable UUID id, Locale locale, Model model) {
        Draft draft = draftOf(session, id);
        return formView(draft, draft.submitted(), errorsByField(draft.formErrors()), null, locale, model);
    }

    private String formView(Draft draft, Map<String, String> values, Map<String, String> errors, @Nullable String addRowTo,
            Locale locale, Model model) {
        FormDefinition form = applications.definition(draft.item(), locale);
        model.addAttribute("step", "form");
        model.addAttribute("draft", draft);
        model.addAttribute("item", draft.item());
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("rowCounts", rowCounts(form, values, addRowTo));
        model.addAttribute("locked", lockedFields(form, draft.applicant()));
        return "kiosk/form";
    }

    /**
     * The top-level fields that carry the applicant's own ID number, read from the card: shown
     * masked and not editable; on save they get the card's number, whatever the browser sends.
     */
    static Map<String, String> lockedFields(FormDefinition form, Applicant applicant) {
        Map<String, String> locked = new LinkedHashMap<>();
        for (FormField f : form.fields()) {
            if (f.prefill() == Prefill.ID_NUMBER) {
                locked.put(f.name(), applicant.idNumber().masked());
            }
        }
        return locked;
    }

    /** How many rows each repeating group shows: what was typed, at least its minimum (or one), plus one if asked. */
    static Map<String, Integer> rowCounts(FormDefinition form, Map<String, String> values, @Nullable String addRowTo) {
        Map<String, Integer> counts = new HashMap<>();
        collectRepeats(form.fields(), counts);
        for (String name : values.keySet()) {
            Matcher m = ROW.matcher(name);
            while (m.find()) {
                String group = m.group(1);
                if (counts.containsKey(group)) {
                    counts.merge(group, Integer.parseInt(m.group(2)) + 1, Math::max);
                }
            }
        }
        if (addRowTo != null && counts.containsKey(addRowTo)) {
            counts.merge(addRowTo, 1, Integer::sum);
        }
        return counts;
    }

    private static void collectRepeats(List<FormField> fields, Map<String, Integer> counts) {
        for (FormField f : fields) {
            if (f.kind() == FieldKind.REPEAT) {
                counts.put(f.name(), Math.max(1, f.minItems()));
            }
            if (f.kind() == FieldKind.GROUP) {
                collectRepeats(f.fields(), counts);
            }
        }
    }

    @PostMapping("/drafts/{id}/form")
    String saveForm(@VerifiedSession KioskSession session, @PathVariable UUID id,
            @RequestParam Map<String, String> params, Locale locale, Model model) {
        Draft draft = draftOf(session, id);
        Map<String, String> submitted = new LinkedHashMap<>(params);
        submitted.remove("_csrf");
        String addRowTo = submitted.remove("_add");
        String cardIdNumber = draft.applicant().idNumber().value();
        lockedFields(applications.definition(draft.item(), locale), draft.applicant())
                .keySet().forEach(name -> submitted.put(name, cardIdNumber));
        if (addRowTo != null) {
            return formView(draft, submitted, Map.of(), addRowTo, locale, model);
        }
        try {
            draft = applications.saveForm(id, submitted, locale);
        } catch (InvalidFormException invalid) {
            return formView(draftOf(session, id), submitted, errorsByField(invalid.errors()), null, locale, model);
        }
        return "redirect:/kiosk/drafts/" + id + afterForm(draft);
    }

    /**
     * Where the journey goes once the form is saved: materials (anything but the ID card the kiosk
     * read: electronic ones must be scanned, paper ones may be scanned for staff to pre-check
     * before the originals arrive), or the phone check, or review.
     */
    String afterForm(Draft draft) {
        boolean scans = draft.item().materials().stream().anyMatch(m -> !m.readFromIdCard());
        return scans ? "/materials" : afterMaterials(draft);
    }

    String afterMaterials(Draft draft) {
        Optional<MobileNumber> phone = phoneOf(draft);
        boolean needsCheck = draft.item().handlingType() == HandlingType.PROMISED && phone.isPresent()
                && !phone.equals(Optional.ofNullable(draft.applicant().phone()));
        return needsCheck ? "/phone" : "/review";
    }

    /** The phone typed into the form (the first {@code x-format: phone} field), if any and valid. */
    Optional<MobileNumber> phoneOf(Draft draft) {
        if (!draft.item().hasForm()) {
            return Optional.empty();
        }
        return applications.definition(draft.item(), Locale.SIMPLIFIED_CHINESE).allFields().stream()
                .filter(f -> "phone".equals(f.format()))
                .map(f -> draft.submitted().get(f.name()))
                .filter(v -> v != null && MobileNumber.problemOf(v).isEmpty())
                .map(MobileNumber::of)
                .findFirst();
    }

    // --- materials -----------------------------------------------------------------------------

    @GetMapping("/drafts/{id}/materials")
    String materials(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer target,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Draft draft = draftOf(session, id);
        ServiceItem item = draft.item();
        int capture = target != null && target >= 0 && target < item.materials().size() ? target
                : state.target(session.id()).filter(t -> t.draftId().equals(id)).map(KioskFilings.CaptureTarget::materialIndex)
                        .orElse(firstToCapture(draft));
        state.setCaptureTarget(session.id(), id, capture);
        model.addAttribute("step", "materials");
        model.addAttribute("draft", draft);
        model.addAttribute("item", item);
        model.addAttribute("target", capture);
        model.addAttribute("maxMegabytes", materialMaxBytes / (1024 * 1024));
        Map<UUID, String> thumbnails = new HashMap<>();
        for (DraftMaterial m : draft.materials()) {
            thumbnails.put(m.id(), "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(m.thumbnail()));
        }
        model.addAttribute("thumbnails", thumbnails);
        return htmx != null ? "kiosk/materials :: list" : "kiosk/materials";
    }

    /** The first required material still missing, else the first one with nothing scanned. */
    private static int firstToCapture(Draft draft) {
        List<Integer> missing = draft.missingRequiredMaterials();
        if (!missing.isEmpty()) {
            return missing.get(0);
        }
        List<Material> materials = draft.item().materials();
        for (int i = 0; i < materials.size(); i++) {
            if (!materials.get(i).readFromIdCard() && draft.materials(i).isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A file for a material. The multipart body is read here, not before the call
     * ({@code spring.servlet.multipart.resolve-lazily}), so a body over the upload limit is refused
     * beside the material like any other file that is too large.
     */
    @PostMapping("/drafts/{id}/materials/{index}")
    String upload(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id, @PathVariable int index,
            MultipartHttpServletRequest request, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) throws IOException {
        draftOf(session, id);
        try {
            MultipartFile file = request.getFile("file");
            if (file == null) {
                throw new MaterialRejectedException(MaterialRejectedException.Reason.CORRUPT);
            }
            applications.addMaterial(id, index, file.getBytes(), file.getOriginalFilename(), sourceOf(request.getParameter("source")));
        } catch (MaxUploadSizeExceededException tooLarge) {
            model.addAttribute("materialError", MaterialRejectedException.Reason.TOO_LARGE.name());
            model.addAttribute("materialErrorIndex", index);
        } catch (MaterialRejectedException rejected) {
            model.addAttribute("materialError", rejected.reason().name());
            model.addAttribute("materialErrorIndex", index);
        } catch (IllegalArgumentException badIndex) {
            throw new NotFoundException("no material " + index + " in this draft");
        }
        return materials(kiosk, session, id, index, htmx, model);
    }

    /** Where the screen says the file came from (camera or upload; the document camera's captures arrive over MQTT). */
    private static MaterialSource sourceOf(@Nullable String source) {
        return "CAMERA".equals(source) ? MaterialSource.CAMERA : MaterialSource.UPLOAD;
    }

    @PostMapping("/drafts/{id}/materials/remove/{materialId}")
    String remove(@VerifiedSession KioskSession session, @PathVariable UUID id, @PathVariable UUID materialId) {
        draftOf(session, id);
        applications.removeMaterial(id, materialId);
        return "redirect:/kiosk/drafts/" + id + "/materials";
    }

    @PostMapping("/drafts/{id}/materials/done")
    String materialsDone(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id, Model model) {
        Draft draft = draftOf(session, id);
        if (!draft.missingRequiredMaterials().isEmpty()) {
            model.addAttribute("missing", true);
            return materials(kiosk, session, id, draft.missingRequiredMaterials().get(0), null, model);
        }
        state.clearCaptureTarget(session.id());
        return "redirect:/kiosk/drafts/" + id + afterMaterials(draft);
    }

    // --- helpers -------------------------------------------------------------------------------

    Draft draftOf(KioskSession session, UUID id) {
        return applications.draft(id).filter(d -> d.sessionKey().equals(session.id().toString()))
                .orElseThrow(() -> new NotFoundException("no draft " + id + " in this session"));
    }

    static Map<String, String> errorsByField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        return byField;
    }
}
