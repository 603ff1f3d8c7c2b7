package org.hall24.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin readings of Chinese text, for search by initials ("sfz") and full pinyin
 * ("shenfenzheng"). A character with several readings (重: zhong/chong, 行: xing/hang) keeps them
 * all, so "chongqing" and "yinhang" match without a dictionary of words.
 */
final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, List<String>> CACHE = new ConcurrentHashMap<>();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /**
     * The readings of each character of a text, in order: the pinyin syllables of a Chinese
     * character, the lower-cased character itself for letters and digits; other characters
     * (spaces, punctuation) are left out.
     */
    static List<List<String>> readings(String text) {
        List<List<String>> result = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                result.add(CACHE.computeIfAbsent(c, Pinyin::readingsOf));
            }
        }
        return result;
    }

    private static List<String> readingsOf(char c) {
        if (!isHan(c)) {
            return List.of(String.valueOf(c).toLowerCase(Locale.ROOT));
        }
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all == null || all.length == 0) {
                return List.of(String.valueOf(c));
            }
            Set<String> distinct = new LinkedHashSet<>(List.of(all));
            return List.copyOf(distinct);
        }
        catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean containsHan(String text) {
        return text.chars().anyMatch(c -> isHan((char) c));
    }

    /**
     * Where a Latin query matches the readings of a text: each character is taken by its full
     * syllable or by its initial letter (so "sfz", "shenfenzheng" and "shenfz" all match
     * 身份证), the last one possibly by a prefix of its syllable ("shenfenzh").
     *
     * @param query lower-case letters and digits, no spaces
     * @return the index of the first character of the earliest match, or -1
     */
    static int match(List<List<String>> readings, String query) {
        if (query.isEmpty()) {
            return -1;
        }
        for (int start = 0; start < readings.size(); start++) {
            Boolean[][] memo = new Boolean[readings.size() + 1][query.length() + 1];
            if (matchesFrom(readings, start, query, 0, memo, false)) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Whether a Latin query spells the whole text, each character by its syllable or its initial
     * ("sb" and "shebao" spell 社保, "sbk" does not).
     */
    static boolean spells(List<List<String>> readings, String query) {
        return !query.isEmpty() && !readings.isEmpty()
                && matchesFrom(readings, 0, query, 0, new Boolean[readings.size() + 1][query.length() + 1], true);
    }

    private static boolean matchesFrom(List<List<String>> readings, int k, String query, int q, Boolean[][] memo,
            boolean whole) {
        if (q == query.length()) {
            return !whole || k == readings.size();
        }
        if (k == readings.size()) {
            return false;
        }
        Boolean known = memo[k][q];
        if (known != null) {
            return known;
        }
        boolean found = false;
        for (String reading : readings.get(k)) {
            if (reading.startsWith(query.substring(q)) && (!whole || k == readings.size() - 1)) {
                found = true;
            }
            else if (query.startsWith(reading, q)) {
                found = matchesFrom(readings, k + 1, query, q + reading.length(), memo, whole);
            }
            if (!found && reading.charAt(0) == query.charAt(q)) {
                found = matchesFrom(readings, k + 1, query, q + 1, memo, whole);
            }
            if (found) {
                break;
            }
        }
        memo[k][q] = found;
        return found;
    }
}
