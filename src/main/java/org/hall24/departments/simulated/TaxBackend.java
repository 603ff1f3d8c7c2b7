package org.hall24.departments.simulated;

import static org.hall24.departments.simulated.Answers.noRecord;
import static org.hall24.departments.simulated.Answers.refused;
import static org.hall24.departments.simulated.Answers.same;
import static org.hall24.departments.simulated.Answers.t;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswer.Field;
import org.hall24.departments.InstantAnswer.Table;
import org.hall24.shared.LocalizedText;
import org.hall24.shared.UnifiedSocialCreditCode;

/**
 * The tax bureau (税务, SW): agent-issued VAT invoices (代开发票) with their checks, invoice
 * collection, authenticity checks, tax payment certificates and income-tax records.
 */
final class TaxBackend implements Backend {

    /** The highest amount of one agent-issued invoice (the 100,000-yuan denomination), tax included. */
    static final BigDecimal INVOICE_LIMIT = new BigDecimal("100000.00");
    /** Small-scale taxpayers' reduced VAT levy rate (1 % instead of 3 %, in force until the end of 2027). */
    static final BigDecimal SMALL_SCALE_RATE = new BigDecimal("0.01");

    @Override
    public Set<String> departments() {
        return Set.of("SW");
    }

    @Override
    public Optional<InstantAnswer> answer(Ask ask) {
        return Optional.ofNullable(switch (ask.code()) {
            case "SW-0001" -> invoice(ask, false);
            case "SW-0002" -> invoice(ask, true);
            case "SW-0003", "SW-0004", "SW-0005" -> collect(ask);
            case "SW-0013" -> verify(ask);
            case "SW-0014", "SW-0015" -> taxRecords(ask);
            case "SW-0016" -> stock(ask);
            default -> null;
        });
    }

    private InstantAnswer invoice(Ask ask, boolean special) {
        Object raw = ask.request().form().get("amount");
        if (raw == null || raw.toString().isBlank()) {
            return refused(ask, "请填写开票金额。", "Please enter the amount.");
        }
        BigDecimal amount = Money.parse(raw);
        if (amount == null) {
            return refused(ask, "开票金额必须是数字，例如 1280.50。", "The amount must be a number, for example 1280.50.");
        }
        if (amount.signum() <= 0) {
            return refused(ask, "开票金额必须大于零。", "The amount must be greater than zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return refused(ask, "开票金额最多保留两位小数（精确到分）。", "The amount can have at most two decimals (fen).");
        }
        String buyer = ask.value("buyerName");
        if (buyer == null) {
            return refused(ask, "请填写购买方名称。", "Please enter the buyer's name.");
        }
        String buyerTaxId = ask.value("buyerTaxId");
        if (buyerTaxId != null && UnifiedSocialCreditCode.problemOf(buyerTaxId.toUpperCase()).isPresent()) {
            return refused(ask, "购买方纳税人识别号不正确，请核对后重新输入。", "The buyer's taxpayer ID is not valid; please check it.");
        }
        BigDecimal rate = SMALL_SCALE_RATE;
        BigDecimal net;
        BigDecimal tax;
        if (special) {
            String code = ask.value("creditCode");
            if (code == null || UnifiedSocialCreditCode.problemOf(code.toUpperCase()).isPresent()) {
                return refused(ask, "纳税人统一社会信用代码不正确，请核对后重新输入。", "The taxpayer's unified social credit code is not valid.");
            }
            String r = ask.value("taxRate");
            rate = "R3".equals(r) ? new BigDecimal("0.03") : "R5".equals(r) ? new BigDecimal("0.05") : SMALL_SCALE_RATE;
            net = amount.setScale(2, RoundingMode.HALF_UP);
            tax = net.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
        else {
            net = amount.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
            tax = amount.subtract(net);
        }
        BigDecimal total = net.add(tax);
        if (total.compareTo(INVOICE_LIMIT) > 0) {
            return refused(ask, "单张代开发票的价税合计不能超过 100,000.00 元，请分开开具或到办税服务厅办理。",
                    "One agent-issued invoice cannot exceed CNY 100,000.00 including tax; split it or go to a tax office counter.");
        }
        String number = String.format("%02d", ask.today().getYear() % 100) + "502"
                + String.format("%015d", Math.floorMod(ask.hash("invoice"), 1_000_000_000_000_000L));
        String seller = special ? ask.value("companyName") : ask.request().applicant().name();
        List<Field> fields = new ArrayList<>(List.of(
                Field.of("发票号码", "Invoice number", number),
                Field.of("开票日期", "Issued on", Ask.day(ask.today())),
                Field.of("购买方名称", "Buyer", buyer)));
        if (buyerTaxId != null) {
            fields.add(Field.of("购买方纳税人识别号", "Buyer taxpayer ID", buyerTaxId.toUpperCase()));
        }
        fields.addAll(List.of(
                Field.of("销售方（代开）", "Seller (agent-issued for)", seller == null ? "-" : seller),
                Field.of("项目名称", "Goods or services", ask.value("goodsName") == null ? "-" : ask.value("goodsName")),
                Field.of("金额（不含税，元）", "Amount excl. tax (CNY)", Money.format(net)),
                Field.of("征收率", "Levy rate", rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%"),
                Field.of("税额（元）", "Tax (CNY)", Money.format(tax)),
                Field.of("价税合计（小写，元）", "Total (CNY)", Money.format(total)),
                Field.of("价税合计（大写）", "Total in words", Money.capital(total)),
                Field.of("代开税务机关", "Issued by", "国家税务总局重庆市九龙坡区税务局", "Jiulongpo District Taxation Bureau")));
        return InstantAnswer.ok(number, special ? t("代开增值税专用发票（电子发票）", "Agent-issued special VAT invoice (electronic)")
                : t("代开增值税普通发票（电子发票）", "Agent-issued ordinary VAT invoice (electronic)"), fields, null, true);
    }

    private InstantAnswer collect(Ask ask) {
        String code = ask.value("creditCode");
        if (code == null || UnifiedSocialCreditCode.problemOf(code.toUpperCase()).isPresent()) {
            return refused(ask, "统一社会信用代码不正确，请核对后重新输入。", "The unified social credit code is not valid; please check it.");
        }
        BigDecimal quantity = ask.value("quantity") == null ? null : Money.parse(ask.value("quantity"));
        if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            return refused(ask, "请填写正确的领用数量（份）。", "Please enter how many invoices (a whole number).");
        }
        int approved = 25 * (1 + Math.floorMod(Person.hash("sw-approved", code.toUpperCase()), 8));
        if (quantity.intValue() > approved) {
            return refused(ask, "领用数量超过核定的每月最高领用数量（" + approved + " 份）。",
                    "The quantity exceeds your approved monthly quantity (" + approved + ").");
        }
        long first = 10_000_000L + Math.floorMod(ask.hash("sw-first"), 80_000_000L);
        return InstantAnswer.ok(ask.reference("SWLY"), t("发票领用结果", "Invoices collected"), List.of(
                new Field(ask.fieldTitle("invoiceType"), ask.valueTitle("invoiceType", ask.value("invoiceType") == null ? "" : ask.value("invoiceType"))),
                Field.of("领用数量（份）", "Quantity", String.valueOf(quantity.intValue())),
                Field.of("发票起止号码", "Numbers", String.format("%08d — %08d", first, first + quantity.intValue() - 1)),
                Field.of("每月核定数量（份）", "Approved per month", String.valueOf(approved)),
                Field.of("领取方式", "Collection", "请在本机出票口领取纸质发票", "Take the paper invoices from this kiosk's tray")), null, true);
    }

    private InstantAnswer verify(Ask ask) {
        String number = ask.value("invoiceNumber");
        if (number == null || ask.value("invoiceCode") == null) {
            return refused(ask, "请填写发票代码和发票号码。", "Please enter the invoice code and number.");
        }
        long h = Person.hash("sw-verify", ask.value("invoiceCode"), number);
        if (Math.floorMod(h, 5) == 0) {
            return noRecord(ask, "未查询到该发票信息，请核对发票代码、号码和开票日期；如有疑问请向开票方或税务机关核实。",
                    "No such invoice was found. Check the code, number and date, or ask the issuer or the tax office.");
        }
        SplittableRandom r = new SplittableRandom(h);
        return InstantAnswer.ok(ask.reference("SWCY"), t("发票查验结果", "Invoice verification"), List.of(
                Field.of("查验结果", "Result", "查验一致，发票状态正常", "Matches; the invoice is valid"),
                Field.of("发票代码", "Invoice code", ask.value("invoiceCode")),
                Field.of("发票号码", "Invoice number", number),
                Field.of("开票日期", "Issued on", ask.value("issueDate") == null ? "-" : ask.value("issueDate")),
                Field.of("价税合计（元）", "Total (CNY)", Money.format(100 + r.nextInt(50_000) + r.nextInt(100) / 100.0))), null, false);
    }

    private InstantAnswer taxRecords(Ask ask) {
        if (ask.person().unknown()) {
            return noRecord(ask, "未查询到您的纳税记录。", "No tax payments were found for you.");
        }
        Answers.Period period = Answers.Period.of(ask, 36);
        if (period.refusal() != null) {
            return period.refusal();
        }
        int salary = ask.person().contributionBase() + 1_000;
        // Monthly withholding on wages (累计预扣法 simplified to a steady month): 5,000 yuan threshold,
        // the base's social contributions (10.5 %) deducted, 3 % up to 3,000 yuan a month, 10 % above.
        double taxable = Math.max(0, salary - 5_000 - salary * 0.105);
        double tax = taxable <= 3_000 ? taxable * 0.03 : taxable * 0.10 - 210;
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (YearMonth m : period.months()) {
            if (m.isBefore(YearMonth.from(ask.today()))) {
                rows.add(List.of(same(m.toString()), t("工资薪金所得", "Wages"), same(Money.format(salary)), same(Money.format(tax)),
                        ask.person().employer()));
            }
        }
        if (rows.isEmpty()) {
            return noRecord(ask, "所选期间没有纳税记录。", "There are no tax payments in the chosen period.");
        }
        boolean certificate = ask.code().equals("SW-0014");
        return InstantAnswer.ok(ask.reference(certificate ? "SWWS" : "SWGS"),
                certificate ? t("税收完税证明", "Tax payment certificate") : t("个人所得税纳税记录", "Individual income tax record"),
                List.of(Field.of("纳税人识别号", "Taxpayer ID", ask.person().idNumber().masked()),
                        Field.of("查询期间", "Period", period.from() + " — " + period.to()),
                        Field.of("税款合计（元）", "Tax total (CNY)", Money.format(tax * rows.size()))),
                new Table(t("纳税明细", "Payments"), List.of(t("所属期", "Month"), t("所得项目", "Income"), t("收入额（元）", "Income (CNY)"),
                        t("已缴税额（元）", "Tax paid (CNY)"), t("扣缴义务人", "Withholding agent")), rows), true);
    }

    private InstantAnswer stock(Ask ask) {
        if (ask.request().applicant().enterprise() == null && ask.person().bucket("sw-stock", 2) == 0) {
            return noRecord(ask, "未查询到您的发票领用存信息。", "You have no invoices collected, used or in stock.");
        }
        SplittableRandom r = ask.person().random("sw-stock");
        int collected = 25 * (1 + r.nextInt(6));
        int used = r.nextInt(collected);
        return InstantAnswer.ok(ask.reference("SW"), t("发票领用存信息", "Invoices collected, used and in stock"), List.of(),
                new Table(t("发票领用存", "Invoices"), List.of(t("发票种类", "Type"), t("领用（份）", "Collected"), t("已开具（份）", "Used"),
                        t("作废（份）", "Voided"), t("结存（份）", "In stock")),
                        List.of(List.of(t("增值税普通发票", "Ordinary VAT invoice"), same(String.valueOf(collected)), same(String.valueOf(used)),
                                same("0"), same(String.valueOf(collected - used))))), false);
    }
}
