package org.hall24.shared;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A text in the two UI languages: Simplified Chinese (the default) and English.
 *
 * @param zh the Chinese text, must not be blank
 * @param en the English text, must not be blank
 */
public record LocalizedText(String zh, String en) {

    /**
     * The text for a locale: English for any English locale, Chinese otherwise.
     */
    public String in(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
