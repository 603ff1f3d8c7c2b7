package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every visible string is a message key present in both languages: the bundles of each module
 * have the same keys in zh-CN and English, every key a template names exists, and no template
 * shows Chinese text that is not a message.
 */
class I18nTest {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
    static final Pattern CHINESE_TEXT = Pattern.compile(">([^<]*\\p{IsHan}[^<]*)<");
    /** Language names are written in their own language on purpose. */
    static final Set<String> ALLOWED_LITERALS = Set.of("中文");

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    static List<Path> bundles(String language) throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + language + ".properties")).sorted().toList();
        }
    }

    static Set<String> allKeys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path bundle : bundles(language)) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        return keys;
    }

    @Test
    void everyModuleBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        List<Path> chinese = bundles("zh_CN");
        assertThat(chinese).isNotEmpty();
        for (Path zh : chinese) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace("_zh_CN", "_en"));
            assertThat(en).as("English bundle for %s", zh).exists();
            assertThat(load(en).stringPropertyNames()).as("keys of %s", en)
                    .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
        }
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String language : List.of("zh_CN", "en")) {
            for (Path bundle : bundles(language)) {
                load(bundle).forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, bundle).isNotBlank());
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExistsInBothLanguages() throws IOException {
        Set<String> zh = allKeys("zh_CN");
        Set<String> en = allKeys("en");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = STATIC_KEY.matcher(withoutComments(Files.readString(template)));
            while (m.find()) {
                String key = m.group(1);
                if (!zh.contains(key) || !en.contains(key)) {
                    missing.add(template + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noTemplateShowsLiteralChineseText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = withoutComments(Files.readString(template))
                    .replaceAll("(?s)<head th:replace=[^>]*>.*?</head>", "");
            Matcher m = CHINESE_TEXT.matcher(html);
            while (m.find()) {
                String text = m.group(1).strip();
                int tagStart = html.lastIndexOf('<', m.start());
                String tag = html.substring(tagStart, m.start() + 1);
                boolean replaced = tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
                        || tag.contains("th:errors");
                if (!replaced && !ALLOWED_LITERALS.contains(text)) {
                    literals.add(template + ": " + text);
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    static String withoutComments(String html) {
        return html.replaceAll("(?s)<!--.*?-->", "");
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
