package org.hall24.platform.pdf;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a line of mixed Chinese and Latin text may break: after any Han, kana or full-width
 * character, and after the spaces that end a Latin word. Closing punctuation (，。、）》 …) stays
 * with what precedes it and opening punctuation (（《“ …) with what follows, as Chinese typesetting
 * requires (GB/T 15834 line-start and line-end rules, simplified).
 */
final class TextBreaks {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’·…—%,.;:?!)]}>";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{<";

    private TextBreaks() {
    }

    /** The text cut into pieces that must not be split across lines; joined they give the text back. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentIsWord = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            boolean wide = isWide(cp);
            if (NO_LINE_START.contains(ch) && !current.isEmpty()) {
                current.append(ch);
                continue;
            }
            if (NO_LINE_START.contains(ch) && current.isEmpty() && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + ch);
                continue;
            }
            boolean opener = NO_LINE_END.contains(ch);
            if (cp == ' ') {
                current.append(' ');
                flush(tokens, current);
                currentIsWord = false;
                continue;
            }
            if (wide || opener) {
                if (!current.isEmpty() && !endsWithOpener(current)) {
                    flush(tokens, current);
                }
                current.append(ch);
                currentIsWord = false;
                continue;
            }
            if (!currentIsWord && !current.isEmpty() && !endsWithOpener(current)) {
                flush(tokens, current);
            }
            current.append(ch);
            currentIsWord = true;
        }
        flush(tokens, current);
        return tokens;
    }

    private static boolean endsWithOpener(StringBuilder s) {
        return s.length() > 0 && NO_LINE_END.indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    private static void flush(List<String> tokens, StringBuilder current) {
        if (!current.isEmpty()) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    static boolean isWide(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.HANGUL || script == UnicodeScript.BOPOMOFO
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
