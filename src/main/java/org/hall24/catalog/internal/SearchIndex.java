package org.hall24.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.ServiceItem;

/**
 * An immutable in-memory index of the current items, rebuilt whenever the catalog changes. A
 * hall's catalog is hundreds of items and a city's a few thousand: ranking them in memory is
 * faster than any round trip to the database, and ranks pinyin the way people type it.
 *
 * <p>Ranking, strongest first: the exact code; the name starting with the text; a keyword
 * spelled exactly (so "sb" finds 社保 before 诊所备案); the name containing the text; part of a
 * keyword; the English name; the category or department. Several words must
 * all match; their scores add up. Ties go to the shorter name, then the code.
 */
final class SearchIndex {

    private final List<Entry> entries;

    SearchIndex(List<ServiceItem> items, List<Category> categories, List<Department> departments) {
        Map<String, Category> categoriesByCode = categories.stream().collect(Collectors.toMap(Category::code, Function.identity()));
        Map<String, Department> departmentsByCode = departments.stream().collect(Collectors.toMap(Department::code, Function.identity()));
        this.entries = items.stream()
                .sorted(Comparator.comparing(ServiceItem::code))
                .map(item -> new Entry(item, categoriesByCode.get(item.category()), departmentsByCode.get(item.department())))
                .toList();
    }

    int size(boolean includeRetired) {
        return (int) entries.stream().filter(e -> includeRetired || !e.item.retired()).count();
    }

    ItemPage search(ItemQuery query) {
        List<String> terms = query.hasText() ? terms(query.text()) : List.of();
        List<Scored> hits = new ArrayList<>();
        for (Entry entry : entries) {
            ServiceItem item = entry.item;
            if ((!query.includeRetired() && item.retired())
                    || (query.category() != null && !item.category().equals(query.category()))
                    || (query.department() != null && !item.department().equals(query.department()))
                    || (query.scope() != null && item.scope() != query.scope())
                    || (!query.deviceTypes().isEmpty() && query.deviceTypes().stream().noneMatch(item::handledOn))) {
                continue;
            }
            int score = 0;
            for (String term : terms) {
                int termScore = entry.score(term);
                if (termScore == 0) {
                    score = -1;
                    break;
                }
                score += termScore;
            }
            if (score >= 0) {
                hits.add(new Scored(item, score));
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparingInt(s -> terms.isEmpty() ? 0 : s.item.name().zh().length())
                .thenComparing(s -> s.item.code()));
        int from = (int) Math.min((long) query.page() * query.size(), hits.size());
        int to = Math.min(from + query.size(), hits.size());
        return new ItemPage(hits.subList(from, to).stream().map(Scored::item).toList(), query.page(), query.size(), hits.size());
    }

    static List<String> terms(String text) {
        return List.of(text.trim().toLowerCase(Locale.ROOT).split("[\\s,，、;；]+")).stream()
                .map(t -> t.replaceAll("[\\p{Punct}&&[^-]]", ""))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private record Scored(ServiceItem item, int score) {
    }

    private static final class Entry {

        private final ServiceItem item;
        private final String nameZh;
        private final String nameEn;
        private final List<List<String>> nameReadings;
        private final List<String> keywords;
        private final List<List<List<String>>> keywordReadings;
        private final String context;
        private final List<List<String>> contextReadings;

        Entry(ServiceItem item, Category category, Department department) {
            this.item = item;
            this.nameZh = item.name().zh().toLowerCase(Locale.ROOT);
            this.nameEn = item.name().en().toLowerCase(Locale.ROOT);
            this.nameReadings = Pinyin.readings(nameZh);
            this.keywords = item.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
            this.keywordReadings = keywords.stream().map(Pinyin::readings).toList();
            StringBuilder ctx = new StringBuilder();
            if (category != null) {
                ctx.append(category.name().zh()).append(' ').append(category.name().en()).append(' ');
            }
            if (department != null) {
                ctx.append(department.name().zh()).append(' ').append(department.name().en());
            }
            this.context = ctx.toString().toLowerCase(Locale.ROOT);
            this.contextReadings = Pinyin.readings(category == null ? "" : category.name().zh());
        }

        int score(String term) {
            if (term.equalsIgnoreCase(item.code())) {
                return 1000;
            }
            return Pinyin.containsHan(term) ? chineseScore(term) : latinScore(term);
        }

        private int chineseScore(String term) {
            if (nameZh.startsWith(term)) {
                return 100;
            }
            if (keywords.contains(term)) {
                return 85;
            }
            if (nameZh.contains(term)) {
                return 80;
            }
            if (keywords.stream().anyMatch(k -> k.contains(term))) {
                return 60;
            }
            if (term.length() >= 3 && isSubsequence(term, nameZh)) {
                return 40;
            }
            if (context.contains(term)) {
                return 15;
            }
            return 0;
        }

        private int latinScore(String term) {
            int at = Pinyin.match(nameReadings, term);
            if (at == 0) {
                return 90;
            }
            if (keywordReadings.stream().anyMatch(r -> Pinyin.spells(r, term))) {
                return 85;
            }
            if (at > 0) {
                return 70;
            }
            if (keywordReadings.stream().anyMatch(r -> Pinyin.match(r, term) >= 0)) {
                return 55;
            }
            if (containsWordStartingWith(nameEn, term)) {
                return 50;
            }
            if (item.code().toLowerCase(Locale.ROOT).startsWith(term)) {
                return 30;
            }
            if (term.length() >= 2 && (Pinyin.match(contextReadings, term) >= 0 || containsWordStartingWith(context, term))) {
                return 15;
            }
            return 0;
        }

        private static boolean isSubsequence(String needle, String haystack) {
            int i = 0;
            for (int j = 0; j < haystack.length() && i < needle.length(); j++) {
                if (haystack.charAt(j) == needle.charAt(i)) {
                    i++;
                }
            }
            return i == needle.length();
        }

        private static boolean containsWordStartingWith(String text, String prefix) {
            int from = 0;
            while (true) {
                int at = text.indexOf(prefix, from);
                if (at < 0) {
                    return false;
                }
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                    return true;
                }
                from = at + 1;
            }
        }
    }
}
