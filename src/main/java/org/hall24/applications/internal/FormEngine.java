package org.hall24.applications.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.shared.Applicant;
import org.hall24.applications.FieldError;
import org.hall24.applications.FieldKind;
import org.hall24.applications.FormCheck;
import org.hall24.applications.FormDefinition;
import org.hall24.applications.FormField;
import org.hall24.applications.Prefill;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forms from JSON Schema: the render model, prefill, and the server-side check (typing the flat
 * HTML values, the schema's keywords through networknt's validator, then the {@code x-format}
 * rules). Messages come from {@code i18n/applications}, never from the validator's English text.
 */
@Component
class FormEngine {

    /** Property names (top level) that hold the applicant's own name. */
    static final Set<String> APPLICANT_NAME_PROPERTIES = Set.of("name", "applicantName", "physicianName", "nurseName",
            "agentName", "insuredName");

    private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d{1,4})]\\.");
    private static final int TEXTAREA_FROM = 100;

    private final MessageSource messages;
    private final Clock clock;
    /** Draft 2020-12, knowing our annotation keywords so the validator neither warns about nor checks them. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("x-title-en"))
            .keyword(new NonValidationKeyword("x-format"))
            .keyword(new NonValidationKeyword("x-enum-titles"))
            .keyword(new NonValidationKeyword("x-prefill"))
            .build());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    FormEngine(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- definition

    FormDefinition definition(ServiceItem item, Locale locale) {
        JsonNode form = item.form();
        List<FormField> fields = form == null ? List.of() : fields(form, "", true, english(locale));
        return new FormDefinition(item.code(), item.version(), fields);
    }

    private List<FormField> fields(JsonNode objectSchema, String prefix, boolean topLevel, boolean english) {
        Set<String> required = new TreeSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asString("")));
        List<FormField> fields = new ArrayList<>();
        JsonNode properties = objectSchema.path("properties");
        for (String property : properties.propertyNames()) {
            JsonNode p = properties.get(property);
            String name = prefix + property;
            String label = english && p.hasNonNull("x-title-en") ? p.get("x-title-en").asString() : p.path("title").asString(property);
            FieldKind kind = kind(property, p);
            String format = xFormat(p);
            Integer maxLength = p.has("maxLength") ? p.get("maxLength").asInt() : null;
            List<FormField.Option> options = new ArrayList<>();
            if (kind == FieldKind.SELECT) {
                JsonNode titles = p.path("x-enum-titles").path(english ? "en" : "zh");
                JsonNode values = p.get("enum");
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i).asString();
                    options.add(new FormField.Option(value, titles.path(i).asString(value)));
                }
            }
            List<FormField> children = switch (kind) {
                case GROUP -> fields(p, name + ".", false, english);
                case REPEAT -> fields(p.get("items"), name + "[0].", false, english);
                default -> List.of();
            };
            fields.add(new FormField(name, label, kind, required.contains(property), maxLength,
                    format == null || format.equals("address") ? null : format, keyboard(kind, format),
                    topLevel ? prefill(property, p, format) : null, options,
                    p.path("minItems").asInt(0), p.has("maxItems") ? p.get("maxItems").asInt() : null, children));
        }
        return fields;
    }

    private static @Nullable String xFormat(JsonNode p) {
        return p.hasNonNull("x-format") ? p.get("x-format").asString() : null;
    }

    static FieldKind kind(String property, JsonNode p) {
        String type = p.path("type").asString("string");
        if (p.has("enum")) {
            return FieldKind.SELECT;
        }
        return switch (type) {
            case "integer" -> FieldKind.INTEGER;
            case "number" -> FieldKind.NUMBER;
            case "boolean" -> FieldKind.BOOLEAN;
            case "object" -> FieldKind.GROUP;
            case "array" -> FieldKind.REPEAT;
            default -> {
                if ("date".equals(p.path("format").asString(""))) {
                    yield FieldKind.DATE;
                }
                if ("address".equals(xFormat(p)) || property.toLowerCase(Locale.ROOT).contains("address")) {
                    yield FieldKind.ADDRESS;
                }
                yield p.path("maxLength").asInt(0) > TEXTAREA_FROM ? FieldKind.TEXTAREA : FieldKind.TEXT;
            }
        };
    }

    private static @Nullable String keyboard(FieldKind kind, @Nullable String format) {
        if ("id-number".equals(format)) {
            return "id";
        }
        if ("phone".equals(format)) {
            return "phone";
        }
        if ("credit-code".equals(format)) {
            return "alpha";
        }
        return switch (kind) {
            case TEXT, TEXTAREA, ADDRESS -> "pinyin";
            case INTEGER, DATE -> "digits";
            case NUMBER -> "decimal";
            default -> null;
        };
    }

    private static @Nullable Prefill prefill(String property, JsonNode p, @Nullable String format) {
        if (p.hasNonNull("x-prefill")) {
            return switch (p.get("x-prefill").asString()) {
                case "name" -> Prefill.NAME;
                case "id-number" -> Prefill.ID_NUMBER;
                case "phone" -> Prefill.PHONE;
                case "credit-code" -> Prefill.ENTERPRISE;
                default -> null;
            };
        }
        if (format != null) {
            return switch (format) {
                case "id-number" -> Prefill.ID_NUMBER;
                case "phone" -> Prefill.PHONE;
                case "credit-code" -> Prefill.ENTERPRISE;
                default -> null;
            };
        }
        return "string".equals(p.path("type").asString("")) && APPLICANT_NAME_PROPERTIES.contains(property) ? Prefill.NAME : null;
    }

    Map<String, String> prefill(ServiceItem item, Applicant applicant) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : definition(item, Locale.SIMPLIFIED_CHINESE).fields()) {
            if (f.prefill() == null) {
                continue;
            }
            String value = switch (f.prefill()) {
                case NAME -> applicant.name();
                case ID_NUMBER -> applicant.idNumber().value();
                case PHONE -> applicant.phone() == null ? null : applicant.phone().value();
                case ENTERPRISE -> applicant.enterprise() == null ? null : applicant.enterprise().value();
            };
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- check

    FormCheck check(ServiceItem item, Map<String, String> submitted, Locale locale) {
        JsonNode form = item.form();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        if (form == null) {
            return new FormCheck(values, List.of());
        }
        Walk walk = new Walk(submitted, english(locale) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        walk.object(form, "", values);
        Schema schema = schemas.computeIfAbsent(item.code() + "@" + item.version() + "#" + form.hashCode(),
                k -> registry.getSchema(form));
        List<Error> errors = schema.validate(values, context -> context.executionConfig(
                config -> config.formatAssertionsEnabled(true)));
        for (Error e : errors) {
            String field = walk.htmlName(e.getInstanceLocation());
            if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
                field = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
            }
            walk.error(field, schemaMessage(e.getKeyword(), walk.schemaOf.get(field)));
        }
        walk.formats(form, "", values);
        List<FieldError> ordered = walk.errors.entrySet().stream()
                .sorted((a, b) -> Integer.compare(walk.position(a.getKey()), walk.position(b.getKey())))
                .map(en -> new FieldError(en.getKey(), message(en.getValue(), walk.locale)))
                .toList();
        return new FormCheck(values, ordered);
    }

    private static String schemaMessage(String keyword, @Nullable JsonNode fieldSchema) {
        JsonNode s = fieldSchema == null ? JsonNodeFactory.instance.objectNode() : fieldSchema;
        return switch (keyword) {
            case "required" -> "applications.form.error.required";
            case "maxLength" -> "applications.form.error.maxLength|" + s.path("maxLength").asString("");
            case "minLength" -> "applications.form.error.minLength|" + s.path("minLength").asString("");
            case "enum", "const" -> "applications.form.error.enum";
            case "minimum", "exclusiveMinimum" -> "applications.form.error.minimum|"
                    + s.path(keyword).asString("");
            case "maximum", "exclusiveMaximum" -> "applications.form.error.maximum|"
                    + s.path(keyword).asString("");
            case "minItems" -> "applications.form.error.minItems|" + s.path("minItems").asString("");
            case "maxItems" -> "applications.form.error.maxItems|" + s.path("maxItems").asString("");
            case "format" -> "date".equals(s.path("format").asString("")) ? "applications.form.error.date"
                    : "applications.form.error.invalid";
            case "type" -> switch (s.path("type").asString("")) {
                case "integer" -> "applications.form.error.integer";
                case "number" -> "applications.form.error.number";
                default -> "applications.form.error.invalid";
            };
            case "pattern" -> "applications.form.error.pattern";
            default -> "applications.form.error.invalid";
        };
    }

    /** A message key with its arguments after {@code |}. */
    private String message(String keyWithArgs, Locale locale) {
        String[] parts = keyWithArgs.split("\\|", -1);
        Object[] args = new Object[parts.length - 1];
        System.arraycopy(parts, 1, args, 0, args.length);
        return messages.getMessage(parts[0], args, locale);
    }

    private static boolean english(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** One pass over the submitted values: typing, HTML names, errors in form order. */
    private final class Walk {

        final Map<String, String> submitted;
        final Locale locale;
        final Map<String, JsonNode> schemaOf = new HashMap<>();
        final Map<String, Integer> order = new HashMap<>();
        /** For each array's HTML name: the HTML row of each JSON index. */
        final Map<String, List<Integer>> rows = new HashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();

        Walk(Map<String, String> submitted, Locale locale) {
            this.submitted = submitted;
            this.locale = locale;
        }

        void error(String field, String key) {
            errors.putIfAbsent(field, key);
        }

        int position(String field) {
            return order.getOrDefault(field, Integer.MAX_VALUE);
        }

        private void visit(String name, JsonNode schema) {
            schemaOf.put(name, schema);
            order.putIfAbsent(name, order.size());
        }

        /** Fills {@code into} from the submitted values of the object's properties; true if any was given. */
        boolean object(JsonNode objectSchema, String prefix, ObjectNode into) {
            boolean any = false;
            JsonNode properties = objectSchema.path("properties");
            Set<String> required = new TreeSet<>();
            objectSchema.path("required").forEach(r -> required.add(r.asString("")));
            for (String property : properties.propertyNames()) {
                JsonNode p = properties.get(property);
                String name = prefix + property;
                visit(name, p);
                String type = p.path("type").asString("string");
                if ("object".equals(type)) {
                    ObjectNode child = JsonNodeFactory.instance.objectNode();
                    if (object(p, name + ".", child) || required.contains(property)) {
                        into.set(property, child);
                        any = true;
                    }
                }
                else if ("array".equals(type)) {
                    ArrayNode array = array(p, name);
                    if (!array.isEmpty()) {
                        into.set(property, array);
                        any = true;
                    }
                }
                else {
                    String text = submitted.get(name);
                    if (text == null || text.isBlank()) {
                        continue;
                    }
                    any = true;
                    JsonNode typed = typed(name, p, type, text.strip());
                    if (typed != null) {
                        into.set(property, typed);
                    }
                }
            }
            return any;
        }

        private ArrayNode array(JsonNode arraySchema, String name) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            List<Integer> htmlRows = new ArrayList<>();
            TreeSet<Integer> indexes = new TreeSet<>();
            String rowPrefix = name + "[";
            for (String key : submitted.keySet()) {
                if (key.startsWith(rowPrefix)) {
                    Matcher m = ROW.matcher(key);
                    if (m.find() && m.group(1).equals(name)) {
                        indexes.add(Integer.parseInt(m.group(2)));
                    }
                }
            }
            JsonNode itemSchema = arraySchema.path("items");
            for (int row : indexes) {
                ObjectNode item = JsonNodeFactory.instance.objectNode();
                if (object(itemSchema, name + "[" + row + "].", item)) {
                    array.add(item);
                    htmlRows.add(row);
                }
            }
            rows.put(name, htmlRows);
            return array;
        }

        private @Nullable JsonNode typed(String name, JsonNode p, String type, String text) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            switch (type) {
                case "integer":
                    try {
                        return f.numberNode(new BigDecimal(text).toBigIntegerExact());
                    }
                    catch (ArithmeticException | NumberFormatException e) {
                        error(name, "applications.form.error.integer");
                        return null;
                    }
                case "number":
                    try {
                        return f.numberNode(new BigDecimal(text));
                    }
                    catch (NumberFormatException e) {
                        error(name, "applications.form.error.number");
                        return null;
                    }
                case "boolean":
                    return switch (text.toLowerCase(Locale.ROOT)) {
                        case "true", "on", "yes", "1" -> f.booleanNode(true);
                        case "false", "off", "no", "0" -> f.booleanNode(false);
                        default -> {
                            error(name, "applications.form.error.boolean");
                            yield null;
                        }
                    };
                default:
                    if ("date".equals(p.path("format").asString(""))) {
                        try {
                            LocalDate.parse(text);
                        }
                        catch (DateTimeParseException e) {
                            error(name, "applications.form.error.date");
                            return null;
                        }
                    }
                    String format = xFormat(p);
                    if ("id-number".equals(format) || "credit-code".equals(format)) {
                        text = text.toUpperCase(Locale.ROOT);
                    }
                    else if ("phone".equals(format) && MobileNumber.problemOf(text).isEmpty()) {
                        text = MobileNumber.of(text).value();
                    }
                    return f.stringNode(text);
            }
        }

        /** Checks the {@code x-format} fields of the typed values. */
        void formats(JsonNode objectSchema, String prefix, JsonNode values) {
            JsonNode properties = objectSchema.path("properties");
            LocalDate today = LocalDate.now(clock);
            for (String property : properties.propertyNames()) {
                JsonNode p = properties.get(property);
                JsonNode value = values.path(property);
                String name = prefix + property;
                if (value.isObject()) {
                    formats(p, name + ".", value);
                }
                else if (value.isArray()) {
                    List<Integer> htmlRows = rows.getOrDefault(name, List.of());
                    for (int i = 0; i < value.size(); i++) {
                        formats(p.path("items"), name + "[" + htmlRows.get(i) + "].", value.get(i));
                    }
                }
                else if (value.isString()) {
                    String format = xFormat(p);
                    String text = value.asString();
                    if ("id-number".equals(format)) {
                        ChineseIdNumber.problemOf(text, today)
                                .ifPresent(problem -> error(name, "applications.form.error.id-number." + problem));
                    }
                    else if ("credit-code".equals(format)) {
                        UnifiedSocialCreditCode.problemOf(text)
                                .ifPresent(problem -> error(name, "applications.form.error.credit-code." + problem));
                    }
                    else if ("phone".equals(format)) {
                        MobileNumber.problemOf(text).ifPresent(problem -> error(name, "applications.form.error.phone"));
                    }
                }
            }
        }

        /** The HTML name of a JSON instance location ({@code $.members[0].name} → {@code members[3].name}). */
        String htmlName(NodePath path) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < path.getNameCount(); i++) {
                Object element = path.getElement(i);
                if (element instanceof Integer index) {
                    List<Integer> htmlRows = rows.getOrDefault(name.toString(), List.of());
                    name.append('[').append(index < htmlRows.size() ? htmlRows.get(index) : index).append(']');
                }
                else {
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(element);
                }
            }
            return name.toString();
        }
    }

}
