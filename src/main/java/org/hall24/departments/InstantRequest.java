package org.hall24.departments;

import org.hall24.shared.Applicant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One instant item asked for at a device.
 *
 * @param itemCode       the catalog item, e.g. {@code GJJ-0001}
 * @param itemVersion    the item version the form was filled under (pinned)
 * @param departmentCode the item's department, e.g. {@code GJJ}
 * @param applicant      who asks
 * @param form           the submitted form values by field name (strings, numbers, booleans, lists); empty
 *                       for items without a form
 * @param deviceCode     the device the citizen stands at
 * @param locale         the language of the session (answers carry both languages; this picks the print-out's)
 */
public record InstantRequest(String itemCode, int itemVersion, String departmentCode, Applicant applicant, Map<String, Object> form,
        String deviceCode, Locale locale) {

    public InstantRequest {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(locale, "locale");
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    /** A form value as text, or {@literal null} when absent or blank. */
    public @Nullable String value(String field) {
        Object v = form.get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** Masked: form values are left out (they may hold phone numbers and names), only their names are shown. */
    @Override
    public String toString() {
        return "InstantRequest[" + itemCode + " v" + itemVersion + ", " + departmentCode + ", " + applicant + ", form fields "
                + form.keySet() + ", " + deviceCode + ", " + locale.toLanguageTag() + "]";
    }
}
