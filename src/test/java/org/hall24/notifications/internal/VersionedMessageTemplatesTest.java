package org.hall24.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.Channel;
import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.notifications.templates.InvalidTemplateTextException;
import org.hall24.notifications.templates.MessageTemplates;
import org.hall24.notifications.templates.TemplateField;
import org.hall24.notifications.templates.TemplateOverrides;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overrides live in PostgreSQL, not in a node's memory: a second node (another instance on the
 * same database) renders an override saved on this one with its next message, and the file's
 * texts again after a revert.
 */
@Hall24IntegrationTest
class VersionedMessageTemplatesTest {

    static final String KEY = "filing-to-review";
    static final Map<String, String> VALUES = Map.of("department", "区公积金中心", "item", "提取", "number", "JLP-3", "due", "12月11日");

    @Autowired
    MessageTemplates templates;

    @Autowired
    TemplateOverrides overrides;

    @Autowired
    FileMessageTemplates file;

    @Autowired
    TemplateVersionStore store;

    @Autowired
    Clock clock;

    @AfterEach
    void backToTheFile() {
        var state = overrides.find(KEY).orElseThrow();
        if (state.revertible()) {
            overrides.revert(KEY, state.version(), "test-cleanup");
        }
    }

    private static Map<TemplateField, String> sms(String zh, String en) {
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        texts.put(new TemplateField(TemplateField.Part.SMS, Locale.SIMPLIFIED_CHINESE), zh);
        texts.put(new TemplateField(TemplateField.Part.SMS, Locale.ENGLISH), en);
        return texts;
    }

    @Test
    void anOverrideSavedOnOneNodeRendersTheNextMessageOnAnother() {
        VersionedMessageTemplates otherNode = new VersionedMessageTemplates(file, store, clock);
        assertThat(templates).as("the primary MessageTemplates bean is the versioned one").isInstanceOf(VersionedMessageTemplates.class);
        String fileText = "【九龙坡政务】区公积金中心：新申办件JLP-3（提取）待审核，办结期限12月11日。";
        assertThat(otherNode.render(KEY, Channel.SMS, Locale.SIMPLIFIED_CHINESE, VALUES).text()).isEqualTo(fileText);

        int version = overrides.find(KEY).orElseThrow().version();
        overrides.save(KEY, version, sms("{department}请审核{number}（{item}），{due}前。", "{department}: review {number} by {due}."), "admin");

        assertThat(otherNode.render(KEY, Channel.SMS, Locale.SIMPLIFIED_CHINESE, VALUES).text())
                .isEqualTo("【九龙坡政务】区公积金中心请审核JLP-3（提取），12月11日前。");
        assertThat(otherNode.render(KEY, Channel.SMS, Locale.ENGLISH, VALUES).text()).isEqualTo("【九龙坡政务】区公积金中心: review JLP-3 by 12月11日.");

        overrides.revert(KEY, version + 1, "admin");
        assertThat(otherNode.render(KEY, Channel.SMS, Locale.SIMPLIFIED_CHINESE, VALUES).text()).isEqualTo(fileText);
    }

    @Test
    void aRefusedSaveLeavesNoVersionAndTheRevisionUnmoved() {
        int version = overrides.find(KEY).orElseThrow().version();
        long revision = store.revision();

        assertThatThrownBy(() -> overrides.save(KEY, version, sms("{department}{unknown}", "{department}"), "admin"))
                .isInstanceOf(InvalidTemplateTextException.class).hasMessageContaining("{unknown}");

        assertThat(store.versions(KEY)).hasSize(version);
        assertThat(store.revision()).isEqualTo(revision);
    }
}
