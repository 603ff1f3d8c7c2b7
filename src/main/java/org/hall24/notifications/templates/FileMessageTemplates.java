package org.hall24.notifications.templates;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hall24.notifications.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The templates of {@code <location>/templates.yaml}, checked when read: every text of every
 * language names only declared placeholders, every template has zh-CN and English for each channel
 * it has, and the signature is a carrier signature ({@code 【…】}). Any fault is a
 * {@link TemplateFileException} naming the file, the template, the language and the fault, which
 * stops start-up.
 */
public class FileMessageTemplates implements MessageTemplates {

    static final String MASK = "******";
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String signature;
    private final Map<String, TemplateDefinition> templates;

    public FileMessageTemplates(String location, String signature) {
        this.signature = checkSignature(signature);
        this.templates = read(location);
    }

    /** Every template, in file order. */
    public List<TemplateDefinition> all() {
        return List.copyOf(templates.values());
    }

    public Optional<TemplateDefinition> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    public String signature() {
        return signature;
    }

    @Override
    public Rendered render(String template, Channel channel, Locale locale, Map<String, String> values) {
        TemplateDefinition definition = templates.get(template);
        if (definition == null) {
            throw new IllegalArgumentException("no message template " + template);
        }
        return render(definition, channel, locale, values);
    }

    /** Renders a definition (the file's, or an admin's override of it). */
    public Rendered render(TemplateDefinition definition, Channel channel, Locale locale, Map<String, String> values) {
        if (!definition.has(channel)) {
            throw new IllegalArgumentException("message template " + definition.key() + " has no " + channel + " text");
        }
        Set<String> declared = new TreeSet<>();
        definition.placeholders().forEach(p -> declared.add(p.name()));
        if (!declared.equals(new TreeSet<>(values.keySet()))) {
            throw new IllegalArgumentException("message template " + definition.key() + " takes " + declared + ", given "
                    + new TreeSet<>(values.keySet()));
        }
        values.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("message template " + definition.key() + ": no value for {" + name + "}");
            }
        });
        Locale language = TemplateDefinition.language(locale);
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> shown.put(name,
                definition.placeholder(name).map(TemplateDefinition.Placeholder::secret).orElse(false) ? MASK : value));
        if (channel == Channel.SMS) {
            TemplateText text = definition.sms().get(language);
            return new Rendered(null, signature + text.render(values), null, signature + text.render(shown), definition.secret(),
                    definition.validFor());
        }
        TemplateText subject = definition.emailSubject().get(language);
        TemplateText body = definition.emailBody().get(language);
        return new Rendered(subject.render(values), body.render(values), subject.render(shown), body.render(shown), definition.secret(),
                definition.validFor());
    }

    /** Renders a template with its sample values, secrets shown as samples (for the admin page's preview). */
    public String preview(TemplateDefinition definition, Channel channel, Locale locale) {
        Map<String, String> samples = new LinkedHashMap<>();
        definition.placeholders().forEach(p -> samples.put(p.name(), p.sample()));
        Rendered rendered = render(definition, channel, locale, samples);
        return rendered.subject() == null ? rendered.text() : rendered.subject() + "\n\n" + rendered.text();
    }

    static String checkSignature(String signature) {
        if (signature == null || !signature.matches("【[^【】\\s]{2,16}】")) {
            throw new TemplateFileException("hall24.sms.signature", null, null,
                    "the SMS signature must be 2 to 16 characters in 【】, e.g. 【九龙坡政务】 (carriers require it), not \"" + signature + "\"");
        }
        return signature;
    }

    private static Map<String, TemplateDefinition> read(String location) {
        String file = location + "/templates.yaml";
        Resource resource = new PathMatchingResourcePatternResolver().getResource(file);
        if (!resource.exists()) {
            throw new TemplateFileException(file, null, null, "file not found (hall24.notifications.templates.location)");
        }
        TemplatesYaml yaml;
        try (InputStream in = resource.getInputStream()) {
            yaml = YAML.readValue(in, TemplatesYaml.class);
        }
        catch (JacksonException e) {
            throw new TemplateFileException(file, null, null, e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new TemplateFileException(file, null, null, "cannot read it: " + e.getMessage());
        }
        if (yaml == null || yaml.templates() == null || yaml.templates().isEmpty()) {
            throw new TemplateFileException(file, null, null, "no templates");
        }
        Map<String, TemplateDefinition> templates = new LinkedHashMap<>();
        yaml.templates().forEach((key, template) -> templates.put(key, definition(file, key, template)));
        return templates;
    }

    static TemplateDefinition definition(String file, String key, TemplateYaml template) {
        if (!key.matches("[a-z][a-z0-9-]{1,49}")) {
            throw new TemplateFileException(file, key, null, "a template's key is lower-case letters, digits and hyphens (at most 50)");
        }
        if (template == null) {
            throw new TemplateFileException(file, key, null, "empty");
        }
        List<TemplateDefinition.Placeholder> placeholders = new ArrayList<>();
        if (template.placeholders() != null) {
            template.placeholders().forEach((name, p) -> {
                if (p == null || p.sample() == null || p.sample().isBlank()) {
                    throw new TemplateFileException(file, key, null, "placeholder {" + name + "} needs a sample value");
                }
                placeholders.add(new TemplateDefinition.Placeholder(name, p.sample(), Boolean.TRUE.equals(p.secret())));
            });
        }
        Set<String> declared = new TreeSet<>();
        placeholders.forEach(p -> declared.add(p.name()));
        Duration validFor;
        try {
            validFor = template.validFor() == null ? DEFAULT_VALIDITY : DurationStyle.detectAndParse(template.validFor());
        }
        catch (IllegalArgumentException e) {
            throw new TemplateFileException(file, key, null, "valid-for is not a duration: " + template.validFor());
        }
        Map<Locale, TemplateText> sms = texts(file, key, "sms", template.sms(), declared);
        Map<Locale, TemplateText> subject = Map.of();
        Map<Locale, TemplateText> body = Map.of();
        if (template.email() != null) {
            subject = texts(file, key, "email.subject", template.email().subject(), declared);
            body = texts(file, key, "email.body", template.email().body(), declared);
            if (subject.isEmpty() || body.isEmpty()) {
                throw new TemplateFileException(file, key, null, "an e-mail needs both a subject and a body");
            }
        }
        if (sms.isEmpty() && body.isEmpty()) {
            throw new TemplateFileException(file, key, null, "neither an sms text nor an email");
        }
        return new TemplateDefinition(key, template.description() == null ? key : template.description(), validFor, placeholders, sms,
                subject, body);
    }

    private static Map<Locale, TemplateText> texts(String file, String key, String part, @Nullable Map<String, String> byLanguage,
            Set<String> declared) {
        if (byLanguage == null) {
            return Map.of();
        }
        Map<Locale, TemplateText> texts = new LinkedHashMap<>();
        for (Locale language : TemplateDefinition.LANGUAGES) {
            String tag = language.toLanguageTag();
            String source = byLanguage.get(tag);
            if (source == null) {
                throw new TemplateFileException(file, key, tag, part + " has no " + tag + " text (every template has zh-CN and en)");
            }
            texts.put(language, parse(file, key, tag, part, source, declared));
        }
        for (String tag : byLanguage.keySet()) {
            if (TemplateDefinition.LANGUAGES.stream().noneMatch(l -> l.toLanguageTag().equals(tag))) {
                throw new TemplateFileException(file, key, tag, part + ": unknown language " + tag + " (zh-CN and en)");
            }
        }
        return texts;
    }

    /** Parses one text and checks it names only declared placeholders. */
    static TemplateText parse(String file, String key, String language, String part, String source, Set<String> declared) {
        TemplateText text;
        try {
            text = TemplateText.parse(source.strip());
        }
        catch (IllegalArgumentException e) {
            throw new TemplateFileException(file, key, language, part + ": " + e.getMessage());
        }
        for (String name : text.placeholders()) {
            if (!declared.contains(name)) {
                throw new TemplateFileException(file, key, language,
                        part + " names the unknown placeholder {" + name + "}; declared: " + declared);
            }
        }
        return text;
    }

    record TemplatesYaml(Map<String, TemplateYaml> templates) {
    }

    record TemplateYaml(@Nullable String description, @JsonProperty("valid-for") @Nullable String validFor,
            @Nullable LinkedHashMap<String, PlaceholderYaml> placeholders, @Nullable Map<String, String> sms, @Nullable EmailYaml email) {
    }

    record PlaceholderYaml(@Nullable String sample, @Nullable Boolean secret) {
    }

    record EmailYaml(@Nullable Map<String, String> subject, @Nullable Map<String, String> body) {
    }
}
