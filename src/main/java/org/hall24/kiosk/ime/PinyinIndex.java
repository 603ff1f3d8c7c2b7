package org.hall24.kiosk.ime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin to Chinese: the kiosk keyboard's input method. Holds, for every toneless pinyin syllable
 * ({@code ü} written {@code v}, as on every Chinese keyboard), the GB2312 characters read that way,
 * most useful first, and the known words (phrases of two or more syllables).
 *
 * <p>The readings come from pinyin4j's character table, reversed. "Most useful" adds up: the
 * character's place in a frequency list, its place among common surnames (a kiosk form asks for
 * names first), how often the service catalog uses it, and whether GB2312 counts it common (level
 * 1); a character's first reading counts fully, its other readings less (重 is offered under
 * {@code zhong} and {@code chong}, 长 under {@code chang} and {@code zhang}).
 *
 * <p>Immutable and thread-safe once built; build it once, at start-up.
 */
public final class PinyinIndex {

    /** The longest input accepted, in letters and separators. */
    public static final int MAX_INPUT = 40;

    private static final Pattern VALID = Pattern.compile("[a-zA-Z']+");
    private static final Pattern VOWEL = Pattern.compile(".*[aeiouv].*");
    private static final int MAX_READINGS_PER_WORD = 8;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Characters of each syllable, best first, as one string. */
    private final Map<String, String> characters;
    /** Syllables a segmentation may use: those with a vowel (not the interjections m, n, ng, hm). */
    private final TreeSet<String> syllables;
    /** Words by their first syllable, best first. */
    private final Map<String, List<Word>> words;
    /** How useful each character is, to merge the characters of several syllables. */
    private final Map<Character, Double> usefulness;
    private final int characterCount;
    private final int wordCount;

    private PinyinIndex(Map<String, String> characters, Map<String, List<Word>> words,
            Map<Character, Double> usefulness, int characterCount, int wordCount) {
        this.characters = characters;
        this.words = words;
        this.usefulness = usefulness;
        this.characterCount = characterCount;
        this.wordCount = wordCount;
        this.syllables = new TreeSet<>();
        for (String syllable : characters.keySet()) {
            if (VOWEL.matcher(syllable).matches()) {
                syllables.add(syllable);
            }
        }
    }

    /** A word and one way to read it, syllable by syllable. */
    record Word(String text, List<String> syllables, double score) {
    }

    /**
     * One candidate the keyboard offers.
     *
     * @param text the Chinese text a tap inserts
     * @param consumed the start of the (normalised) input the tap uses up; the rest stays in the
     *        composition
     */
    public record Choice(String text, String consumed) {
    }

    /**
     * A page of candidates for an input.
     *
     * @param pinyin the input, normalised: lower case, no leading, trailing or doubled separators
     * @param choices this page's candidates, best first: words (the longest first), then
     *        characters of the first syllable
     * @param offset where this page starts among all candidates
     * @param total how many candidates there are in all
     */
    public record Candidates(String pinyin, List<Choice> choices, int offset, int total) {

        /** What the first candidate uses up, or an empty text when there is none. */
        public String consumed() {
            return choices.isEmpty() ? "" : choices.get(0).consumed();
        }

        public boolean more() {
            return offset + choices.size() < total;
        }
    }

    /**
     * Why an input cannot be looked up, or {@code null} if it can: it must be 1 to
     * {@value #MAX_INPUT} Latin letters, syllables optionally separated by {@code '}.
     */
    public static @Nullable String refusal(@Nullable String input) {
        if (input == null || input.isEmpty()) {
            return "is required";
        }
        if (input.length() > MAX_INPUT) {
            return "is longer than " + MAX_INPUT + " characters";
        }
        if (!VALID.matcher(input).matches()) {
            return "may only contain the letters a to z and the syllable separator '";
        }
        if (input.chars().allMatch(c -> c == '\'')) {
            return "has no letters";
        }
        return null;
    }

    /**
     * The candidates for a pinyin input, one page of them.
     *
     * @param input letters and separators, see {@link #refusal(String)}
     * @param offset how many candidates to skip, at least 0
     * @param limit the most candidates to return, at least 1
     * @throws IllegalArgumentException if the input is refused
     */
    public Candidates candidates(String input, int offset, int limit) {
        String reason = refusal(input);
        if (reason != null) {
            throw new IllegalArgumentException("pinyin input " + reason);
        }
        String pinyin = normalise(input);
        List<Segment> segments = segment(pinyin);
        List<Choice> all = new ArrayList<>();
        if (!segments.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Choice choice : wordChoices(pinyin, segments)) {
                if (seen.add(choice.text())) {
                    all.add(choice);
                }
            }
            Segment first = segments.get(0);
            String consumed = pinyin.substring(0, first.consumedEnd());
            if (first.partial()) {
                Set<Character> started = new LinkedHashSet<>();
                for (String syllable : completions(first.text())) {
                    for (char c : characters.getOrDefault(syllable, "").toCharArray()) {
                        started.add(c);
                    }
                }
                started.stream().sorted(Comparator.comparingDouble((Character c) -> -usefulness.get(c)))
                        .forEach(c -> all.add(new Choice(String.valueOf(c), consumed)));
            }
            else {
                for (char c : characters.getOrDefault(first.text(), "").toCharArray()) {
                    all.add(new Choice(String.valueOf(c), consumed));
                }
            }
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Candidates(pinyin, List.copyOf(all.subList(from, to)), from, all.size());
    }

    /** How many syllables, characters and words the index holds, for the start-up log. */
    public String summary() {
        return characters.size() + " syllables, " + characterCount + " characters, " + wordCount + " words";
    }

    static String normalise(String input) {
        return input.toLowerCase(Locale.ROOT).replaceAll("'+", "'").replaceAll("^'|'$", "");
    }

    /**
     * A syllable of the input.
     *
     * @param text its letters
     * @param consumedEnd where a choice that uses it up ends: after a following separator
     * @param partial whether it is only the start of a syllable (the user is still typing it)
     */
    record Segment(String text, int consumedEnd, boolean partial) {
    }

    /**
     * Splits the input into syllables: at every separator, and between separators into whole
     * syllables, the longest first where that still splits the rest (so {@code xian} is one
     * syllable, {@code zhuangu} is zhuan'gu); the last may be the start of a syllable. Where the
     * input cannot be split to its end, the syllables up to that point.
     */
    List<Segment> segment(String pinyin) {
        List<Segment> result = new ArrayList<>();
        int start = 0;
        while (start < pinyin.length()) {
            int stop = pinyin.indexOf('\'', start);
            int end = stop < 0 ? pinyin.length() : stop;
            List<String> parts = split(pinyin.substring(start, end), stop < 0);
            int position = start;
            for (String part : parts) {
                position += part.length();
                int consumedEnd = position == end && stop >= 0 ? end + 1 : position;
                result.add(new Segment(part, consumedEnd, !syllables.contains(part)));
            }
            if (position < end) {
                return result;
            }
            start = end + 1;
        }
        return result;
    }

    /** The longest split of a run of letters into syllables, the last possibly a syllable's start. */
    private List<String> split(String run, boolean mayEndPartial) {
        Map<Integer, List<String>> memo = new HashMap<>();
        return split(run, 0, mayEndPartial, memo);
    }

    private List<String> split(String run, int from, boolean mayEndPartial, Map<Integer, List<String>> memo) {
        if (from == run.length()) {
            return List.of();
        }
        List<String> known = memo.get(from);
        if (known != null) {
            return known;
        }
        List<String> best = List.of();
        int bestLength = 0;
        for (int end = Math.min(run.length(), from + 6); end > from; end--) {
            String candidate = run.substring(from, end);
            if (!syllables.contains(candidate)) {
                continue;
            }
            List<String> rest = split(run, end, mayEndPartial, memo);
            int length = end - from + rest.stream().mapToInt(String::length).sum();
            if (length > bestLength) {
                best = new ArrayList<>();
                best.add(candidate);
                best.addAll(rest);
                bestLength = length;
                if (from + length == run.length()) {
                    break;
                }
            }
        }
        if (from + bestLength < run.length()) {
            String remainder = run.substring(from);
            if (!completions(remainder).isEmpty() && (mayEndPartial || characters.containsKey(remainder))) {
                best = List.of(remainder);
            }
        }
        memo.put(from, best);
        return best;
    }

    /** The syllables that start with a text, shortest first. */
    private List<String> completions(String prefix) {
        List<String> result = new ArrayList<>();
        for (String syllable : characters.keySet().stream().filter(s -> s.startsWith(prefix)).sorted(
                Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).toList()) {
            result.add(syllable);
        }
        return result;
    }

    /**
     * Words that match the input's syllables from its start: the longer the match the earlier,
     * an exact last syllable before one the user is still typing ("chongq" offers 重庆).
     */
    private List<Choice> wordChoices(String pinyin, List<Segment> segments) {
        List<Word> candidates = words.getOrDefault(segments.get(0).text(), List.of());
        if (candidates.isEmpty() && segments.get(0).partial()) {
            return List.of();
        }
        record Match(Word word, int length, boolean exact) {
        }
        List<Match> matches = new ArrayList<>();
        for (Word word : candidates) {
            List<String> syllables = word.syllables();
            int n = syllables.size();
            if (n < 2 || n > segments.size()) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < n - 1 && same; i++) {
                same = syllables.get(i).equals(segments.get(i).text());
            }
            if (!same) {
                continue;
            }
            String last = syllables.get(n - 1);
            String typed = segments.get(n - 1).text();
            boolean exact = last.equals(typed);
            boolean prefix = n == segments.size() && last.startsWith(typed);
            if (exact || prefix) {
                matches.add(new Match(word, n, exact));
            }
        }
        matches.sort(Comparator.comparingInt((Match m) -> -m.length())
                .thenComparing(m -> !m.exact())
                .thenComparingDouble(m -> -m.word().score()));
        List<Choice> result = new ArrayList<>();
        for (Match match : matches) {
            result.add(new Choice(match.word().text(), pinyin.substring(0, segments.get(match.length() - 1).consumedEnd())));
        }
        return result;
    }

    /**
     * Collects what the index is built from, then builds it.
     */
    public static final class Builder {

        private final Map<Character, Double> frequency = new HashMap<>();
        private final Map<Character, Double> surname = new HashMap<>();
        private final Map<Character, Integer> catalogUse = new HashMap<>();
        private final Map<String, Double> wordScores = new LinkedHashMap<>();
        private final Map<String, List<List<String>>> wordReadings = new HashMap<>();

        /** Characters, most frequent first; repeats and non-Han characters are ignored. */
        public Builder frequentCharacters(String text) {
            int rank = 0;
            for (char c : hanOnly(text).toCharArray()) {
                if (!frequency.containsKey(c)) {
                    frequency.put(c, 1.0 / (1.0 + rank / 50.0));
                    rank++;
                }
            }
            return this;
        }

        /** Surnames, most common first. */
        public Builder surnames(String text) {
            int rank = 0;
            for (char c : hanOnly(text).toCharArray()) {
                if (!surname.containsKey(c)) {
                    surname.put(c, 0.8 / (1.0 + rank / 20.0));
                    rank++;
                }
            }
            return this;
        }

        /**
         * A word, with its pinyin when it uses a rare reading of a character.
         *
         * @param pinyin syllables separated by {@code '}, one per character, or {@code null} to
         *        accept every reading of every character
         * @param score higher first among words that match an input equally well
         */
        public Builder word(String text, @Nullable String pinyin, double score) {
            String han = hanOnly(text);
            if (han.isEmpty() || han.length() != text.strip().length()) {
                return this;
            }
            if (han.length() == 1) {
                catalogUse.merge(han.charAt(0), 5, Integer::sum);
                return this;
            }
            wordScores.merge(han, score, Math::max);
            if (pinyin != null) {
                List<String> syllables = List.of(pinyin.toLowerCase(Locale.ROOT).split("'"));
                if (syllables.size() != han.length()) {
                    throw new IllegalArgumentException("The pinyin '" + pinyin + "' of " + han + " does not give one syllable per character");
                }
                wordReadings.computeIfAbsent(han, k -> new ArrayList<>()).add(syllables);
            }
            return this;
        }

        /** Texts the kiosk's users meet (the service catalog): their characters count as used. */
        public Builder catalogText(String text) {
            for (char c : hanOnly(text).toCharArray()) {
                catalogUse.merge(c, 1, Integer::sum);
            }
            return this;
        }

        public PinyinIndex build() {
            Charset gb2312 = Charset.forName("GB2312");
            int maxUse = catalogUse.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            Map<String, List<Scored>> bySyllable = new HashMap<>();
            Map<Character, List<String>> readings = new HashMap<>();
            Map<Character, Double> usefulness = new HashMap<>();
            int count = 0;
            for (int hi = 0xB0; hi <= 0xF7; hi++) {
                for (int lo = 0xA1; lo <= 0xFE; lo++) {
                    String decoded = new String(new byte[] {(byte) hi, (byte) lo}, gb2312);
                    if (decoded.length() != 1 || Character.UnicodeScript.of(decoded.charAt(0)) != Character.UnicodeScript.HAN) {
                        continue;
                    }
                    char c = decoded.charAt(0);
                    List<String> read = readingsOf(c);
                    if (read.isEmpty()) {
                        continue;
                    }
                    readings.put(c, read);
                    count++;
                    double score = frequency.getOrDefault(c, 0.0) + surname.getOrDefault(c, 0.0)
                            + 0.15 * Math.log1p(catalogUse.getOrDefault(c, 0)) / Math.log1p(maxUse)
                            + (hi <= 0xD7 ? 0.02 : 0.0);
                    usefulness.put(c, score);
                    int order = (hi << 8) | lo;
                    for (int r = 0; r < read.size(); r++) {
                        bySyllable.computeIfAbsent(read.get(r), k -> new ArrayList<>())
                                .add(new Scored(c, r == 0 ? score : score * 0.5, order));
                    }
                }
            }
            Map<String, String> characters = new HashMap<>();
            bySyllable.forEach((syllable, list) -> {
                list.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::order));
                StringBuilder chars = new StringBuilder(list.size());
                list.forEach(s -> chars.append(s.c()));
                characters.put(syllable, chars.toString());
            });
            Map<String, List<Word>> words = new HashMap<>();
            wordScores.forEach((text, score) -> {
                for (List<String> syllables : wordReadings.getOrDefault(text, combinations(text, readings))) {
                    words.computeIfAbsent(syllables.get(0), k -> new ArrayList<>()).add(new Word(text, syllables, score));
                }
            });
            words.values().forEach(list -> list.sort(Comparator.comparingDouble((Word w) -> -w.score())));
            words.replaceAll((k, v) -> List.copyOf(v));
            return new PinyinIndex(Map.copyOf(characters), Map.copyOf(words), Map.copyOf(usefulness), count,
                    wordScores.size());
        }

        private record Scored(char c, double score, int order) {
        }

        /** Every way to read a word, up to a few: a word made of polyphones is rare. */
        private static List<List<String>> combinations(String text, Map<Character, List<String>> known) {
            List<List<String>> result = List.of(List.of());
            for (char c : text.toCharArray()) {
                List<String> read = known.containsKey(c) ? known.get(c) : readingsOf(c);
                if (read.isEmpty()) {
                    return List.of();
                }
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : result) {
                    for (String syllable : read) {
                        if (next.size() < MAX_READINGS_PER_WORD) {
                            List<String> longer = new ArrayList<>(prefix);
                            longer.add(syllable);
                            next.add(List.copyOf(longer));
                        }
                    }
                }
                result = next;
            }
            return result;
        }

        private static String hanOnly(String text) {
            StringBuilder han = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han.append(c);
                }
            }
            return han.toString();
        }
    }

    static List<String> readingsOf(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all == null) {
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String reading : all) {
                if (reading.matches("[a-z]+")) {
                    distinct.add(reading);
                }
            }
            return List.copyOf(distinct);
        }
        catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every syllable the index knows. */
    Collection<String> syllables() {
        return characters.keySet();
    }
}
