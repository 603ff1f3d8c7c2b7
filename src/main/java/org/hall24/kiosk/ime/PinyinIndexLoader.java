package org.hall24.kiosk.ime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the {@link PinyinIndex} from the keyboard's data files ({@code classpath:ime/}) and from
 * the service catalog's data files: the words a citizen is likely to type at a kiosk.
 *
 * <p>From the catalog it takes every Chinese text (names, materials, form labels, choices) to
 * count how often each character is used; the items' keywords and the categories' names as words;
 * and, as further words, the runs of two to four characters that recur in at least
 * {@value #RECURRING} different texts (驾驶证, 营业执照, 不动产).
 */
final class PinyinIndexLoader {

    static final int RECURRING = 4;
    static final double CURATED = 3.0;
    static final double KEYWORD = 2.0;
    static final double RECURRING_RUN = 1.0;

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private PinyinIndexLoader() {
    }

    /**
     * @param catalogLocation where the catalog's data files are, e.g. {@code classpath:catalog}
     */
    static PinyinIndex load(String catalogLocation) {
        var resolver = new PathMatchingResourcePatternResolver();
        PinyinIndex.Builder builder = new PinyinIndex.Builder()
                .frequentCharacters(text(resolver.getResource("classpath:ime/characters.txt")))
                .surnames(text(resolver.getResource("classpath:ime/surnames.txt")));
        List<String> lines = text(resolver.getResource("classpath:ime/words.txt")).lines().toList();
        int position = 0;
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            builder.word(parts[0], parts.length > 1 ? parts[1] : null, CURATED - position++ * 1e-4);
        }
        try {
            String base = catalogLocation.endsWith("/") ? catalogLocation : catalogLocation + "/";
            List<String> texts = new ArrayList<>();
            for (Resource file : resolver.getResources(base + "**/*.yaml")) {
                try (InputStream in = file.getInputStream()) {
                    collect(YAML.readTree(in), null, texts, builder);
                }
            }
            texts.forEach(builder::catalogText);
            recurringRuns(texts).forEach((run, count) -> builder.word(run, null, RECURRING_RUN + count / 1000.0));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog's data files at " + catalogLocation, e);
        }
        return builder.build();
    }

    private static void collect(JsonNode node, String field, List<String> texts, PinyinIndex.Builder builder) {
        if (node.isString()) {
            String text = node.asString();
            if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                texts.add(text);
                if ("keywords".equals(field)) {
                    builder.word(text, null, KEYWORD);
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> collect(element, field, texts, builder));
        }
        else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), e.getKey(), texts, builder));
            if (node.has("code") && node.path("name").path("zh").isString() && !node.has("items")
                    && !node.has("version")) {
                builder.word(node.path("name").path("zh").asString(), null, KEYWORD);
            }
        }
    }

    /** Runs of 2 to 4 Chinese characters found in at least {@value #RECURRING} different texts. */
    static Map<String, Integer> recurringRuns(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : new HashSet<>(texts)) {
            Set<String> inThisText = new HashSet<>();
            for (String run : text.split("[^\\p{IsHan}]+")) {
                for (int length = 2; length <= 4; length++) {
                    for (int i = 0; i + length <= run.length(); i++) {
                        inThisText.add(run.substring(i, i + length));
                    }
                }
            }
            inThisText.forEach(run -> counts.merge(run, 1, Integer::sum));
        }
        counts.values().removeIf(count -> count < RECURRING);
        return counts;
    }

    private static String text(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
