package org.hall24.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider;
import org.hall24.shared.MobileNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The phones the tests' SMS reach: what each number received, as its owner would read it. Shared
 * by every test context of the JVM (they share one database, so any context's dispatcher may send
 * a message another context queued).
 */
@Configuration(proxyBeanMethods = false)
public class Phones {

    private static final Map<String, List<String>> INBOX = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> SUBMITS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAIL_NEXT = new ConcurrentHashMap<>();
    private static final java.util.Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    /** A code as the templates put it: after 验证码(是) or "code (is)". */
    private static final Pattern CODE = Pattern.compile("(?:验证码是?|code (?:is )?)(\\d{6})(?!\\d)");

    @Bean
    @ConditionalOnProperty(name = "hall24.sms.provider", havingValue = "test-phones")
    SmsProvider testPhonesSmsProvider() {
        return new SmsProvider() {

            @Override
            public String name() {
                return "test-phones";
            }

            @Override
            public SendOutcome send(OutgoingSms sms) {
                SUBMITS.computeIfAbsent(sms.to(), k -> new AtomicInteger()).incrementAndGet();
                if (REFUSED.contains(sms.to())) {
                    return new SendOutcome.PermanentFailure("ESME_RINVDSTADR (test phones: refused)");
                }
                AtomicInteger failures = FAIL_NEXT.get(sms.to());
                if (failures != null && failures.getAndDecrement() > 0) {
                    return new SendOutcome.TemporaryFailure("ESME_RTHROTTLED (test phones: not now)");
                }
                INBOX.computeIfAbsent(sms.to(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(sms.text());
                return new SendOutcome.Submitted(List.of(UUID.randomUUID().toString()), "accepted by the test phones");
            }
        };
    }

    /** The carrier refuses every message to the number for good (an invalid destination). */
    public static void refuse(String phone) {
        REFUSED.add(phone);
    }

    /** The carrier refuses the next {@code n} messages to the number for now (throttled). */
    public static void failNext(String phone, int n) {
        FAIL_NEXT.put(phone, new AtomicInteger(n));
    }

    /** Every text the number received, oldest first. */
    public static List<String> texts(String phone) {
        List<String> texts = INBOX.get(phone);
        if (texts == null) {
            return List.of();
        }
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    /** The newest text the number received, awaited. */
    public static String awaitLastText(String phone) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts(phone), t -> !t.isEmpty())
                .get(texts(phone).size() - 1);
    }

    public static String awaitLastText(MobileNumber phone) {
        return awaitLastText(phone.value());
    }

    /** The newest text to the number that holds {@code part}, awaited. */
    public static String awaitText(String phone, String part) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> texts(phone).stream().filter(t -> t.contains(part)).reduce((a, b) -> b), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The newest text to any number that holds {@code part}, if one arrived. */
    public static java.util.Optional<String> anyTextWith(String part) {
        return INBOX.keySet().stream().flatMap(phone -> texts(phone).stream()).filter(t -> t.contains(part)).reduce((a, b) -> b);
    }

    /** The newest code texted to any number in a text that holds {@code part}, if one arrived. */
    public static java.util.Optional<String> anyCodeWith(String part) {
        return INBOX.keySet().stream().flatMap(phone -> texts(phone).stream()).filter(t -> t.contains(part) && CODE.matcher(t).find())
                .reduce((a, b) -> b).map(Phones::codeIn);
    }

    /** The code in a text the number receives after it had received {@code before} texts, awaited. */
    public static String awaitCodeAfter(String phone, int before) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> { List<String> t = texts(phone); return t.subList(Math.min(before, t.size()), t.size()).stream()
                        .filter(x -> CODE.matcher(x).find()).reduce((a, b) -> b); }, java.util.Optional::isPresent)
                .map(Phones::codeIn).orElseThrow();
    }

    /** The code in the newest text to the number that holds one, awaited. */
    public static String awaitCode(String phone) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> texts(phone).stream().filter(t -> CODE.matcher(t).find()).reduce((a, b) -> b), java.util.Optional::isPresent)
                .map(Phones::codeIn).orElseThrow();
    }

    public static String awaitCode(MobileNumber phone) {
        return awaitCode(phone.value());
    }

    /** How many times the provider was handed a message to the number. */
    public static int submitsTo(String phone) {
        AtomicInteger n = SUBMITS.get(phone);
        return n == null ? 0 : n.get();
    }

    public static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no verification code in " + text);
        }
        return m.group(1);
    }
}
