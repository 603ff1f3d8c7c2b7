package org.hall24.shared;

/**
 * How personal identifiers are shown on screens and written to logs: enough to recognise one's
 * own, not enough to use someone else's.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 500107199001011234} → {@code 5001**********1234}; anything unexpected is fully masked. */
    public static String idNumber(String value) {
        if (value == null || value.length() < 10) {
            return "******";
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null || value.length() < 7) {
            return "****";
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}: the family name only. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(Math.max(1, value.codePointCount(first, value.length())));
    }

    /** {@code zhangsan@example.cn} → {@code z***@example.cn}: the first character and the domain. */
    public static String email(String value) {
        if (value == null) {
            return "***";
        }
        int at = value.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + "***" + value.substring(at);
    }
}
