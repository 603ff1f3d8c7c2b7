package org.hall24.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.hall24.notifications.Channel;
import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.notifications.templates.InvalidTemplateTextException;
import org.hall24.notifications.templates.MessageTemplates;
import org.hall24.notifications.templates.StaleTemplateVersionException;
import org.hall24.notifications.templates.TemplateDefinition;
import org.hall24.notifications.templates.TemplateField;
import org.hall24.notifications.templates.TemplateOverrideRules;
import org.hall24.notifications.templates.TemplateOverrides;
import org.hall24.notifications.templates.TemplateState;
import org.hall24.notifications.templates.TemplateVersion;
import org.hall24.notifications.templates.TextProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The templates in force: the file's ({@link FileMessageTemplates}, which checked them at start-up)
 * with the newest admin override of each over them, from PostgreSQL.
 * <p>
 * Every node keeps the overrides in memory, but only as a copy: each {@link #render} and each read
 * asks PostgreSQL for {@code notification_template_state.revision} (one row by its key) and
 * reloads the overrides when it moved, so an override saved on any node renders the next message
 * on every node. A stored override that no longer fits the file (its placeholders changed, or its
 * texts break the file's rules) is not used: the log warns once per version on each node and the
 * file's texts are rendered, and start-up goes on. Thread-safe: readers share an immutable
 * snapshot in a volatile field; two readers that find the revision moved may both reload, and the
 * next read corrects a snapshot replaced by an older one.
 */
@Service
@Primary
class VersionedMessageTemplates implements MessageTemplates, TemplateOverrides, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(VersionedMessageTemplates.class);

    private final FileMessageTemplates file;
    private final TemplateVersionStore store;
    private final Clock clock;

    private volatile @Nullable Snapshot snapshot;
    /** The refused overrides this node already warned of ({@code key#version}): log lines only. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    VersionedMessageTemplates(FileMessageTemplates file, TemplateVersionStore store, Clock clock) {
        this.file = file;
        this.store = store;
        this.clock = clock;
    }

    private record Snapshot(long revision, Map<String, TemplateState> states) {
    }

    /** Loads the overrides at start-up, so that one the file no longer fits is named in the log at once. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            current();
        }
        catch (RuntimeException e) {
            log.warn("Template overrides could not be read at start-up; they are read again for the first message", e);
        }
    }

    private Snapshot current() {
        long revision = store.revision();
        Snapshot s = snapshot;
        if (s != null && s.revision() == revision) {
            return s;
        }
        Snapshot loaded = load(revision);
        snapshot = loaded;
        return loaded;
    }

    private Snapshot load(long revision) {
        Map<String, TemplateVersion> newest = store.newest().stream()
                .collect(Collectors.toMap(TemplateVersion::key, v -> v));
        Map<String, TemplateState> states = new LinkedHashMap<>();
        for (TemplateDefinition definition : file.all()) {
            states.put(definition.key(), state(definition, newest.get(definition.key())));
        }
        return new Snapshot(revision, Map.copyOf(states));
    }

    private TemplateState state(TemplateDefinition definition, @Nullable TemplateVersion newest) {
        if (newest == null || newest.source() == TemplateVersion.Source.FILE) {
            return new TemplateState(definition, definition, newest, List.of());
        }
        List<TextProblem> problems = TemplateOverrideRules.checkStored(definition, file.signature(), newest);
        if (!problems.isEmpty()) {
            if (warned.add(newest.key() + "#" + newest.version())) {
                log.warn("Message template {}: the override version {} (by {}) is NOT used and the file's texts are: {}. "
                        + "Write the texts again or go back to the file's on /admin/notifications/templates/{}.", newest.key(),
                        newest.version(), newest.createdBy(),
                        problems.stream().map(TextProblem::detail).collect(Collectors.joining("; ")), newest.key());
            }
            return new TemplateState(definition, definition, newest, problems);
        }
        return new TemplateState(definition, TemplateOverrideRules.apply(definition, byField(newest.texts())), newest, List.of());
    }

    private static Map<TemplateField, String> byField(Map<String, String> texts) {
        Map<TemplateField, String> out = new LinkedHashMap<>();
        texts.forEach((name, text) -> TemplateField.named(name).ifPresent(field -> out.put(field, text)));
        return out;
    }

    @Override
    public Rendered render(String template, Channel channel, Locale locale, Map<String, String> values) {
        TemplateState state = current().states().get(template);
        if (state == null) {
            return file.render(template, channel, locale, values);
        }
        return file.render(state.current(), channel, locale, values);
    }

    @Override
    public List<TemplateState> all() {
        Map<String, TemplateState> states = current().states();
        return file.all().stream().map(d -> states.get(d.key())).toList();
    }

    @Override
    public Optional<TemplateState> find(String key) {
        return Optional.ofNullable(current().states().get(key));
    }

    @Override
    public List<TemplateVersion> versions(String key) {
        return store.versions(key);
    }

    @Override
    @Transactional
    public TemplateVersion save(String key, int basedOn, Map<TemplateField, String> texts, String by) {
        TemplateDefinition definition = definition(key);
        List<TextProblem> problems = TemplateOverrideRules.check(definition, file.signature(), texts);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateTextException(key, problems);
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (TemplateField field : TemplateField.of(definition)) {
            stored.put(field.name(), TemplateOverrideRules.normalise(texts.get(field)));
        }
        TemplateVersion version = next(definition, basedOn, TemplateVersion.Source.ADMIN, stored, by);
        log.info("Message template {}: version {} written by {}", key, version.version(), by);
        return version;
    }

    @Override
    @Transactional
    public TemplateVersion revert(String key, int basedOn, String by) {
        TemplateVersion version = next(definition(key), basedOn, TemplateVersion.Source.FILE, Map.of(), by);
        log.info("Message template {}: version {} by {} goes back to the file's texts", key, version.version(), by);
        return version;
    }

    private TemplateDefinition definition(String key) {
        return file.find(key).orElseThrow(() -> new NoSuchElementException("no message template " + key));
    }

    private TemplateVersion next(TemplateDefinition definition, int basedOn, TemplateVersion.Source source, Map<String, String> texts,
            String by) {
        store.lockAndMoveRevision();
        Optional<TemplateVersion> newest = store.newest(definition.key());
        int current = newest.map(TemplateVersion::version).orElse(0);
        if (current != basedOn) {
            if (newest.isEmpty()) {
                throw new IllegalArgumentException("message template " + definition.key() + " has no version " + basedOn);
            }
            throw new StaleTemplateVersionException(basedOn, newest.get());
        }
        TemplateVersion version = new TemplateVersion(definition.key(), current + 1, source, texts,
                List.copyOf(TemplateOverrideRules.declared(definition)), by, clock.instant());
        store.insert(version);
        return version;
    }
}
