package org.hall24.departments.simulated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts in yuan: parsing a form value, the usual {@code 12,345.67}, and the capital form on invoices. */
final class Money {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿"};

    private Money() {
    }

    static String format(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    static String format(double amount) {
        return format(BigDecimal.valueOf(amount));
    }

    /** A form value as an amount, or {@literal null} when it is not a number. */
    static BigDecimal parse(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(value.toString().trim().replace(",", ""));
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The capital form used on Chinese invoices and cheques (大写金额), e.g. 1,010.50 →
     * 壹仟零壹拾元伍角整 ... for amounts below one trillion yuan.
     */
    static String capital(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        if (a.signum() == 0) {
            return "零元整";
        }
        long yuan = a.longValue();
        int cents = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        int jiao = cents / 10;
        int fen = cents % 10;
        if (jiao == 0 && fen == 0) {
            out.append('整');
        }
        else {
            if (jiao > 0) {
                out.append(DIGITS.charAt(jiao)).append('角');
            }
            else if (yuan > 0) {
                out.append('零');
            }
            if (fen > 0) {
                out.append(DIGITS.charAt(fen)).append('分');
            }
            else {
                out.append('整');
            }
        }
        return out.toString();
    }

    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        int section = 0;
        boolean needZero = false;
        while (value > 0) {
            int part = (int) (value % 10_000);
            if (part != 0) {
                String text = fourDigits(part) + SECTIONS[section];
                if (needZero) {
                    text = text + "零";
                }
                out.insert(0, text);
                needZero = part < 1000;
            }
            else if (out.length() > 0 && out.charAt(0) != '零') {
                needZero = true;
            }
            value /= 10_000;
            section++;
        }
        String s = out.toString();
        while (s.startsWith("零")) {
            s = s.substring(1);
        }
        return s.replace("零零", "零");
    }

    private static String fourDigits(int part) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = (part / (int) Math.pow(10, i)) % 10;
            if (d == 0) {
                zero = out.length() > 0;
            }
            else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS.charAt(d)).append(UNITS[i]);
            }
        }
        return out.toString();
    }
}
