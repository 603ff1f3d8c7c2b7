package org.hall24.applications.web;

import java.util.Locale;

import org.hall24.shared.Masking;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A filing's form as staff screens show it: ID numbers and phones ({@code x-format}) and people's
 * names (properties named {@code name} or {@code *Name} whose title ends in 姓名) masked. The clear
 * form stays available through the API for the department's systems.
 */
final class MaskedForm {

    private MaskedForm() {
    }

    static JsonNode of(JsonNode values, @Nullable JsonNode schema) {
        if (schema == null) {
            return values;
        }
        return mask(values, schema);
    }

    private static JsonNode mask(JsonNode value, JsonNode schema) {
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : value.propertyNames()) {
                out.set(name, mask(value.get(name), schema.path("properties").path(name), name));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(mask(v, schema.path("items"))));
            return out;
        }
        return value;
    }

    private static JsonNode mask(JsonNode value, JsonNode schema, String name) {
        if (!value.isString()) {
            return mask(value, schema);
        }
        String text = value.asString();
        String format = schema.path("x-format").asString("");
        if (format.equals("id-number")) {
            return JsonNodeFactory.instance.stringNode(Masking.idNumber(text));
        }
        if (format.equals("phone")) {
            return JsonNodeFactory.instance.stringNode(Masking.phone(text));
        }
        boolean personName = (name.equals("name") || name.endsWith("Name"))
                && schema.path("title").asString("").endsWith("姓名");
        if (personName || name.toLowerCase(Locale.ROOT).equals("applicantname")) {
            return JsonNodeFactory.instance.stringNode(Masking.name(text));
        }
        return value;
    }
}
