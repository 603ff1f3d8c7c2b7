package org.hall24.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.Material;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The catalog's rules for one item definition. The same rules guard the data files at start-up
 * and the admin's edits, so an item that passes one passes the other.
 */
final class ServiceItemRules {

    static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-\\d{4}");
    static final int MAX_NAME = 100;
    static final int MAX_DAYS = 365;
    static final int MAX_KEYWORD = 20;

    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private final Set<String> categories;
    private final Set<String> departments;

    ServiceItemRules(Set<String> categories, Set<String> departments) {
        this.categories = Set.copyOf(categories);
        this.departments = Set.copyOf(departments);
    }

    List<FieldViolation> check(ServiceItem item) {
        List<FieldViolation> v = new ArrayList<>();
        if (!CODE.matcher(item.code()).matches()) {
            v.add(new FieldViolation("code", "catalog.violation.code-format"));
        }
        else if (!item.code().startsWith(item.department() + "-")) {
            v.add(new FieldViolation("code", "catalog.violation.code-department", item.department()));
        }
        if (item.version() < 1) {
            v.add(new FieldViolation("version", "catalog.violation.positive"));
        }
        text(v, "name", item.name(), MAX_NAME);
        if (!categories.contains(item.category())) {
            v.add(new FieldViolation("category", "catalog.violation.unknown-category", item.category()));
        }
        if (!departments.contains(item.department())) {
            v.add(new FieldViolation("department", "catalog.violation.unknown-department", item.department()));
        }
        if (item.legalDays() < 0 || item.legalDays() > MAX_DAYS) {
            v.add(new FieldViolation("legalDays", "catalog.violation.days-range", MAX_DAYS));
        }
        if (item.promisedDays() < 0 || item.promisedDays() > item.legalDays()) {
            v.add(new FieldViolation("promisedDays", "catalog.violation.promised-days"));
        }
        if (item.handlingType() == HandlingType.PROMISED && item.promisedDays() < 1) {
            v.add(new FieldViolation("promisedDays", "catalog.violation.promised-needs-days"));
        }
        for (int i = 0; i < item.materials().size(); i++) {
            Material m = item.materials().get(i);
            text(v, "materials[" + i + "].name", m.name(), MAX_NAME);
        }
        if (item.paperDeposit() && item.materials().stream().noneMatch(m -> m.medium() == Material.Medium.PAPER)) {
            v.add(new FieldViolation("paperDeposit", "catalog.violation.deposit-needs-paper"));
        }
        for (int i = 0; i < item.fees().size(); i++) {
            var fee = item.fees().get(i);
            text(v, "fees[" + i + "].name", fee.name(), MAX_NAME);
            BigDecimal amount = fee.amountYuan();
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                v.add(new FieldViolation("fees[" + i + "].amountYuan", "catalog.violation.amount"));
            }
        }
        if (item.deviceTypes().isEmpty()) {
            v.add(new FieldViolation("deviceTypes", "catalog.violation.device-types-empty"));
        }
        for (DeviceType type : item.deviceTypes()) {
            if (!type.handlesItems()) {
                v.add(new FieldViolation("deviceTypes", "catalog.violation.device-type-handles-no-items", type.name()));
            }
        }
        if (item.handlingType() == HandlingType.PROMISED && item.deliveryMethods().isEmpty()) {
            v.add(new FieldViolation("deliveryMethods", "catalog.violation.delivery-empty"));
        }
        for (int i = 0; i < item.keywords().size(); i++) {
            String k = item.keywords().get(i);
            if (k == null || k.isBlank() || k.length() > MAX_KEYWORD) {
                v.add(new FieldViolation("keywords[" + i + "]", "catalog.violation.keyword", MAX_KEYWORD));
            }
        }
        if (item.form() != null) {
            form(v, item.form());
        }
        return v;
    }

    private static void text(List<FieldViolation> v, String field, @Nullable LocalizedText text, int max) {
        if (text == null) {
            v.add(new FieldViolation(field, "catalog.violation.required"));
            return;
        }
        for (Map.Entry<String, String> e : Map.of("zh", nullToEmpty(text.zh()), "en", nullToEmpty(text.en())).entrySet()) {
            if (e.getValue().isBlank()) {
                v.add(new FieldViolation(field + "." + e.getKey(), "catalog.violation.required"));
            }
            else if (e.getValue().length() > max) {
                v.add(new FieldViolation(field + "." + e.getKey(), "catalog.violation.too-long", max));
            }
        }
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /**
     * A form must be a valid draft 2020-12 schema of an object whose every property has a Chinese
     * {@code title} and an English {@code x-title-en} (the UI labels), whose choices have titles in
     * both languages, and whose {@code required} names only existing properties.
     */
    private static void form(List<FieldViolation> v, JsonNode form) {
        List<Error> errors = META_SCHEMA.validate(form);
        if (!errors.isEmpty()) {
            v.add(new FieldViolation("form", "catalog.violation.form-schema", errors.get(0).toString()));
            return;
        }
        objectSchema(v, "form", form);
    }

    private static void objectSchema(List<FieldViolation> v, String path, JsonNode schema) {
        if (!"object".equals(schema.path("type").asString(""))) {
            v.add(new FieldViolation(path, "catalog.violation.form-object"));
            return;
        }
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            v.add(new FieldViolation(path, "catalog.violation.form-properties"));
            return;
        }
        Set<String> names = new HashSet<>(properties.propertyNames());
        for (JsonNode required : schema.path("required")) {
            if (!names.contains(required.asString(""))) {
                v.add(new FieldViolation(path + ".required", "catalog.violation.form-required-unknown", required.asString("")));
            }
        }
        for (String name : properties.propertyNames()) {
            JsonNode property = properties.get(name);
            String at = path + ".properties." + name;
            if (property.path("title").asString("").isBlank() || property.path("x-title-en").asString("").isBlank()) {
                v.add(new FieldViolation(at, "catalog.violation.form-title"));
            }
            if (property.has("enum")) {
                int size = property.get("enum").size();
                JsonNode titles = property.path("x-enum-titles");
                if (titles.path("zh").size() != size || titles.path("en").size() != size) {
                    v.add(new FieldViolation(at, "catalog.violation.form-enum-titles"));
                }
            }
            if ("object".equals(property.path("type").asString(""))) {
                objectSchema(v, at, property);
            }
            if ("array".equals(property.path("type").asString("")) && property.path("items").isObject()
                    && "object".equals(property.path("items").path("type").asString(""))) {
                objectSchema(v, at + ".items", property.get("items"));
            }
        }
    }
}
