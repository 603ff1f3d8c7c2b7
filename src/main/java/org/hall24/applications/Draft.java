package org.hall24.applications;

import org.hall24.shared.Applicant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hall24.catalog.Material;
import org.hall24.catalog.ServiceItem;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * An application being prepared at a kiosk: an immutable snapshot. Drafts live in memory only
 * (they hold personal data and die with the kiosk session); {@link Applications} returns a new
 * snapshot after each change.
 *
 * @param id the draft's id
 * @param sessionKey the kiosk session it belongs to
 * @param deviceCode the kiosk
 * @param item the item version the draft is for (pinned at opening)
 * @param applicant who applies
 * @param submitted the form text as last submitted, by HTML field name, so a screen can show it back
 * @param values the last submitted form as typed JSON; {@code null} until a form was saved
 * @param formErrors the last submitted form's errors
 * @param materials the attached files, in the order they were added
 * @param locale the language the applicant uses (of the last form save), for messages sent later
 */
public record Draft(UUID id, String sessionKey, String deviceCode, ServiceItem item, Applicant applicant,
        Map<String, String> submitted, @Nullable JsonNode values, List<FieldError> formErrors,
        List<DraftMaterial> materials, Locale locale) {

    public Draft {
        submitted = Map.copyOf(submitted);
        formErrors = List.copyOf(formErrors);
        materials = List.copyOf(materials);
    }

    public String itemCode() {
        return item.code();
    }

    public int itemVersion() {
        return item.version();
    }

    /** Whether the form is complete and valid (an item without a form always is). */
    public boolean formComplete() {
        return !item.hasForm() || (values != null && formErrors.isEmpty());
    }

    /** The files attached to one material. */
    public List<DraftMaterial> materials(int index) {
        return materials.stream().filter(m -> m.index() == index).toList();
    }

    /**
     * The indexes (in the item's {@code materials()}) of the required electronic materials that have
     * no file yet. Paper materials are not counted: they go to the cabinet or the counter; nor is
     * the identity card the kiosk read when the applicant identified ({@link Material#readFromIdCard()}).
     */
    public List<Integer> missingRequiredMaterials() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < item.materials().size(); i++) {
            Material m = item.materials().get(i);
            if (m.required() && m.medium() == Material.Medium.ELECTRONIC && !m.readFromIdCard() && materials(i).isEmpty()) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** Whether the draft can be submitted: a valid form and every required electronic material attached. */
    public boolean ready() {
        return formComplete() && missingRequiredMaterials().isEmpty();
    }

    @Override
    public String toString() {
        return "Draft[" + id + ", " + item.code() + "@" + item.version() + ", device " + deviceCode + ", " + applicant
                + ", " + materials.size() + " file(s), ready=" + ready() + "]";
    }
}
