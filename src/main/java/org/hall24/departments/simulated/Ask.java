package org.hall24.departments.simulated;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import org.hall24.catalog.ServiceItem;
import org.hall24.departments.InstantRequest;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** One request as a simulated backend sees it: the request, the pinned item, the person, today. */
record Ask(InstantRequest request, ServiceItem item, Person person, LocalDate today) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    LocalizedText title() {
        return item.name();
    }

    String code() {
        return item.code();
    }

    @Nullable String value(String field) {
        return request.value(field);
    }

    @Nullable LocalDate date(String field) {
        String v = value(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The department's reference number: its code, today's date and six digits that depend only on
     * the person, the item and the form, so asking twice gives the same number.
     */
    String reference(String prefix) {
        Map<String, String> sorted = new TreeMap<>();
        request.form().forEach((k, v) -> sorted.put(k, String.valueOf(v)));
        long h = Person.hash("ref", item.code(), person.idNumber().value(), sorted.toString(), today.toString());
        return prefix + today.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%06d", Math.floorMod(h, 1_000_000));
    }

    long hash(String topic) {
        Map<String, String> sorted = new TreeMap<>();
        request.form().forEach((k, v) -> sorted.put(k, String.valueOf(v)));
        return Person.hash(topic, item.code(), person.idNumber().value(), sorted.toString());
    }

    /** The field's title from the item's form schema ({@code title}, {@code x-title-en}), or the field name. */
    LocalizedText fieldTitle(String field) {
        JsonNode p = property(field);
        if (p == null) {
            return new LocalizedText(field, field);
        }
        String zh = p.path("title").asString(field);
        return new LocalizedText(zh, p.path("x-title-en").asString(zh));
    }

    /** The display text of a form value: an enum's titles, or the value itself. */
    LocalizedText valueTitle(String field, String value) {
        JsonNode p = property(field);
        if (p != null && p.path("enum").isArray()) {
            JsonNode values = p.path("enum");
            for (int i = 0; i < values.size(); i++) {
                if (value.equals(values.get(i).asString(""))) {
                    String zh = p.path("x-enum-titles").path("zh").path(i).asString(value);
                    String en = p.path("x-enum-titles").path("en").path(i).asString(zh);
                    return new LocalizedText(zh, en);
                }
            }
        }
        return new LocalizedText(value, value);
    }

    /** The form field's {@code x-format} ({@code phone}, {@code credit-code}, …), or empty. */
    String format(String field) {
        JsonNode p = property(field);
        return p == null ? "" : p.path("x-format").asString("");
    }

    private @Nullable JsonNode property(String field) {
        JsonNode form = item.form();
        if (form == null) {
            return null;
        }
        JsonNode p = form.path("properties").path(field);
        return p.isMissingNode() ? null : p;
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }
}
