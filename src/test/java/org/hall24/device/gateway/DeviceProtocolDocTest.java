package org.hall24.device.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/device-protocol.md} against the gateway's parser, so that an agent written from the
 * document alone is understood: every example message there is accepted; for each row of its
 * "Required fields" table, removing a required field gets the example rejected, removing an
 * optional one does not, and the example carries no field the row does not list; the accepted
 * and refused timestamps of its "Timestamps" table are accepted and refused.
 */
class DeviceProtocolDocTest {

    static final Path DOC = Path.of("docs/device-protocol.md");
    private static final Pattern EXAMPLE = Pattern.compile("```json (\\S+)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String doc;
    static Map<String, ObjectNode> examples;
    static List<Row> rows;

    final PayloadParser parser = new PayloadParser();

    /** A row of the "Required fields" table. */
    record Row(String example, List<String> required, List<String> optional) {
    }

    @BeforeAll
    static void readTheDocument() throws IOException {
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
        examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            assertThat(examples.put(m.group(1), (ObjectNode) JSON.readTree(m.group(2)))).as("example " + m.group(1) + " twice")
                    .isNull();
        }
        rows = new ArrayList<>();
        for (List<String> cells : table("### Required fields")) {
            rows.add(new Row(names(cells.get(0)).get(0), names(cells.get(2)), names(cells.get(3))));
        }
    }

    @Test
    void theDocumentHasAnExampleOfEveryMessageAndARowForEachExample() {
        Set<String> rowExamples = new LinkedHashSet<>(rows.stream().map(Row::example).toList());
        Set<String> deviceExamples = new LinkedHashSet<>(examples.keySet());
        deviceExamples.remove("commands");

        assertThat(rowExamples).containsExactlyInAnyOrderElementsOf(deviceExamples);
        assertThat(rowExamples).contains("status", "status-offline", "telemetry", "telemetry-cabinet", "replies",
                "replies-error", "events/card-read", "events/face-checked", "events/document-captured",
                "events/fingerprint-captured", "events/door-opened", "events/door-closed", "events/compartment-occupancy");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsAcceptedAndCarriesOnlyTheFieldsItsRowLists() {
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.example(), () -> {
            ObjectNode example = examples.get(row.example());
            assertThat(parse(row.example(), example)).as(row.example()).isInstanceOf(ParseResult.Parsed.class);
            Set<String> listed = new LinkedHashSet<>();
            Stream.concat(row.required().stream(), row.optional().stream()).forEach(path -> listed.add(path.split("[.\\[]")[0]));
            assertThat(example.propertyNames()).as("fields of " + row.example()).isSubsetOf(listed);
        }));
    }

    @TestFactory
    Stream<DynamicTest> withoutARequiredFieldAnExampleIsRejected() {
        return rows.stream().flatMap(row -> row.required().stream().flatMap(path -> {
            List<ObjectNode> variants = without(examples.get(row.example()), path);
            assertThat(variants).as(row.example() + " has " + path).isNotEmpty();
            return variants.stream().map(variant -> DynamicTest.dynamicTest(row.example() + " without " + path,
                    () -> assertThat(parse(row.example(), variant)).isInstanceOf(ParseResult.Rejected.class)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> withoutAnOptionalFieldAnExampleIsStillAccepted() {
        return rows.stream().flatMap(row -> row.optional().stream().flatMap(path -> without(examples.get(row.example()), path)
                .stream().map(variant -> DynamicTest.dynamicTest(row.example() + " without " + path,
                        () -> assertThat(parse(row.example(), variant)).isInstanceOf(ParseResult.Parsed.class)))));
    }

    @TestFactory
    Stream<DynamicTest> theTimestampsTableSaysWhatThePlatformAccepts() {
        List<List<String>> table = table("### Timestamps");
        assertThat(table).isNotEmpty();
        return table.stream().map(cells -> {
            String ts = names(cells.get(0)).get(0);
            boolean accepted = cells.get(1).strip().startsWith("yes");
            return DynamicTest.dynamicTest(ts + (accepted ? " accepted" : " refused"), () -> {
                ObjectNode telemetry = examples.get("telemetry").deepCopy();
                telemetry.put("ts", ts);
                assertThat(parse("telemetry", telemetry)).isInstanceOf(
                        accepted ? ParseResult.Parsed.class : ParseResult.Rejected.class);
            });
        });
    }

    @Test
    void aReplyWhoseIdIsNotAUuidIsRejected() {
        ObjectNode reply = examples.get("replies").deepCopy();
        reply.put("id", "5f0c2a1e");

        assertThat(parse("replies", reply)).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void theCommandExampleHasTheSixFieldsAndTimesWithNanoseconds() {
        ObjectNode command = examples.get("commands");

        assertThat(command.propertyNames()).containsExactly("v", "ts", "id", "type", "args", "deadline");
        assertThat(UUID.fromString(command.get("id").asString())).hasToString(command.get("id").asString());
        assertThat(Instant.parse(command.get("ts").asString()).getNano() % 1_000_000).isPositive();
        assertThat(Instant.parse(command.get("deadline").asString())).isAfter(Instant.parse(command.get("ts").asString()));
    }

    private ParseResult<?> parse(String example, JsonNode message) {
        byte[] bytes = JSON.writeValueAsBytes(message);
        if (example.startsWith("status")) {
            return parser.status(bytes);
        }
        if (example.startsWith("telemetry")) {
            return parser.telemetry(bytes);
        }
        if (example.startsWith("replies")) {
            return parser.reply(bytes);
        }
        if (example.startsWith("events/")) {
            return parser.event(example.substring("events/".length()), bytes);
        }
        throw new IllegalArgumentException("no parser for example " + example);
    }

    /**
     * Copies of the message without the field at the path, one for each field the path names:
     * {@code a.b} is field b of object a, {@code a.<name>.b} field b of every member of a,
     * {@code a[].b} field b of every element of list a. None when the message has no such field.
     */
    static List<ObjectNode> without(ObjectNode message, String path) {
        List<ObjectNode> variants = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            if (part.endsWith("[]")) {
                segments.add(part.substring(0, part.length() - 2));
                segments.add("[]");
            }
            else {
                segments.add(part);
            }
        }
        for (List<Object> concrete : expand(message, segments)) {
            ObjectNode copy = message.deepCopy();
            JsonNode parent = copy;
            for (Object step : concrete.subList(0, concrete.size() - 1)) {
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            ((ObjectNode) parent).remove((String) concrete.get(concrete.size() - 1));
            variants.add(copy);
        }
        return variants;
    }

    /** Every concrete path (field names and list indexes) the segments name in the node. */
    private static List<List<Object>> expand(JsonNode node, List<String> segments) {
        if (segments.isEmpty()) {
            return List.of(List.of());
        }
        String head = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        List<List<Object>> paths = new ArrayList<>();
        if (head.equals("[]")) {
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    for (List<Object> tail : expand(array.get(i), rest)) {
                        paths.add(prepend(i, tail));
                    }
                }
            }
            return paths;
        }
        if (!(node instanceof ObjectNode object)) {
            return paths;
        }
        List<String> names = head.equals("<name>") ? new ArrayList<>(object.propertyNames()) : List.of(head);
        for (String name : names) {
            JsonNode child = object.get(name);
            if (child == null) {
                continue;
            }
            for (List<Object> tail : expand(child, rest)) {
                paths.add(prepend(name, tail));
            }
        }
        return paths;
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> path = new ArrayList<>();
        path.add(first);
        path.addAll(rest);
        return path;
    }

    /** The body rows of the first table after the heading, as cells (pipes escaped as {@code \|} stay in their cell). */
    static List<List<String>> table(String heading) {
        int at = doc.indexOf("\n" + heading + "\n");
        assertThat(at).as(heading + " in " + DOC).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (String line : doc.substring(at + heading.length() + 2).split("\n")) {
            if (line.startsWith("|")) {
                rows.add(List.of(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")));
            }
            else if (!rows.isEmpty() || line.startsWith("#")) {
                break;
            }
        }
        // Leave out the header and the line under it.
        return rows.size() < 2 ? List.of() : rows.subList(2, rows.size());
    }

    /** The code spans of a cell, leaving out what stands in parentheses (values and remarks). */
    static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = CODE.matcher(cell.replaceAll("\\([^)]*\\)", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
