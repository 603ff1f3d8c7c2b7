package org.hall24.departments.simulated;

import static org.hall24.departments.simulated.Answers.noRecord;
import static org.hall24.departments.simulated.Answers.same;
import static org.hall24.departments.simulated.Answers.t;

import java.time.LocalDate;
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
import org.jspecify.annotations.Nullable;

/**
 * The housing provident fund centre (住房公积金, GJJ): contribution information, balance, loan and
 * repayments, withdrawal records, the contribution certificate, and an employer's contributions.
 */
final class ProvidentFundBackend implements Backend {

    /** Rate of a provident-fund loan for a first home over five years (since May 2024), per cent a year. */
    static final double LOAN_RATE = 2.85;

    @Override
    public Set<String> departments() {
        return Set.of("GJJ");
    }

    @Override
    public Optional<InstantAnswer> answer(Ask ask) {
        if (ask.code().equals("GJJ-0007")) {
            return Optional.of(employer(ask));
        }
        Person p = ask.person();
        if (p.unknown()) {
            return Optional.of(noRecord(ask, "未查询到您的住房公积金账户。如您的单位已为您缴存，请联系单位经办人核实。",
                    "No housing provident fund account was found for you. If your employer pays in for you, please check with them."));
        }
        Account a = new Account(p, ask.today());
        return Optional.ofNullable(switch (ask.code()) {
            case "GJJ-0001" -> InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金缴存信息", "Housing provident fund contributions"),
                    a.fields(), a.lastMonths(6), false);
            case "GJJ-0002" -> InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金个人账户余额", "Housing provident fund balance"), List.of(
                    Field.of("个人账号", "Account number", a.number),
                    Field.of("账户余额（元）", "Balance (CNY)", Money.format(a.balance)),
                    Field.of("本年缴存额（元）", "Paid in this year (CNY)", Money.format(a.monthly * ask.today().getMonthValue())),
                    Field.of("缴存状态", "Status", "正常缴存", "Active")), null, false);
            case "GJJ-0003" -> a.loan == null
                    ? noRecord(ask, "未查询到您名下的住房公积金贷款。", "You have no housing provident fund loan.")
                    : InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金贷款信息", "Housing provident fund loan"), a.loan.fields(ask.today()), null, false);
            case "GJJ-0004" -> a.withdrawals.rows().isEmpty()
                    ? noRecord(ask, "您的住房公积金账户没有提取记录。", "There are no withdrawals from your account.")
                    : InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金提取记录", "Housing provident fund withdrawals"),
                            List.of(Field.of("个人账号", "Account number", a.number)), a.withdrawals, false);
            case "GJJ-0005" -> InstantAnswer.ok(ask.reference("GJJZM"), t("住房公积金缴存证明", "Certificate of housing provident fund contributions"),
                    a.fields(), a.lastMonths(12), true);
            case "GJJ-0006" -> repayments(ask, a);
            default -> null;
        });
    }

    private InstantAnswer repayments(Ask ask, Account a) {
        if (a.loan == null) {
            return noRecord(ask, "未查询到您名下的住房公积金贷款，因此没有还款明细。", "You have no provident fund loan, so there are no repayments.");
        }
        Answers.Period period = Answers.Period.of(ask, 36);
        if (period.refusal() != null) {
            return period.refusal();
        }
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (YearMonth m : period.months()) {
            if (!m.isBefore(a.loan.start) && m.isBefore(YearMonth.from(ask.today()))) {
                double principal = a.loan.remaining(m);
                rows.add(List.of(same(m.atDay(20).toString()), same(Money.format(a.loan.payment)),
                        same(Money.format(a.loan.payment - principal * LOAN_RATE / 1200)), same(Money.format(principal * LOAN_RATE / 1200)),
                        same(Money.format(a.loan.remaining(m.plusMonths(1))))));
            }
        }
        if (rows.isEmpty()) {
            return noRecord(ask, "所选期间没有还款记录。", "There are no repayments in the chosen period.");
        }
        return InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金贷款还款明细", "Provident fund loan repayments"),
                a.loan.fields(ask.today()), new Table(t("还款明细", "Repayments"),
                        List.of(t("还款日期", "Date"), t("还款额（元）", "Paid (CNY)"), t("本金（元）", "Principal (CNY)"),
                                t("利息（元）", "Interest (CNY)"), t("剩余本金（元）", "Outstanding (CNY)")), rows), true);
    }

    private InstantAnswer employer(Ask ask) {
        String code = ask.value("creditCode");
        if (code == null || UnifiedSocialCreditCode.problemOf(code.toUpperCase()).isPresent()) {
            return Answers.refused(ask, "统一社会信用代码不正确，请核对后重新输入。", "The unified social credit code is not valid; please check it.");
        }
        long h = Person.hash("employer", code.toUpperCase());
        if (Math.floorMod(h, 10) == 0) {
            return noRecord(ask, "该单位未在本中心开立住房公积金单位账户。", "This employer has no provident fund account with this centre.");
        }
        SplittableRandom r = new SplittableRandom(h);
        int people = 5 + r.nextInt(300);
        double monthly = people * (4_000 + r.nextInt(80) * 100) * 0.24;
        String name = ask.value("companyName");
        return InstantAnswer.ok(ask.reference("GJJ"), t("住房公积金单位缴存信息", "Employer's provident fund contributions"), List.of(
                Field.of("单位名称", "Employer", name == null ? "-" : name),
                Field.of("统一社会信用代码", "Credit code", code.toUpperCase()),
                Field.of("单位账号", "Employer account", "50" + String.format("%010d", Math.floorMod(h, 10_000_000_000L))),
                Field.of("缴存人数", "Contributors", String.valueOf(people)),
                Field.of("月缴存总额（元）", "Monthly total (CNY)", Money.format(monthly)),
                Field.of("缴至年月", "Paid up to", YearMonth.from(ask.today()).minusMonths(1).toString()),
                Field.of("单位状态", "Status", "正常", "Active")), null, false);
    }

    /** A person's provident fund account. */
    static final class Account {

        final String number;
        final int base;
        final int ratePercent;
        final double monthly;
        final YearMonth opened;
        final double balance;
        final LocalizedText employer;
        final Table withdrawals;
        final @Nullable Loan loan;
        final LocalDate today;

        Account(Person p, LocalDate today) {
            this.today = today;
            SplittableRandom r = p.random("gjj");
            number = "5001" + String.format("%08d", r.nextInt(100_000_000));
            base = p.contributionBase();
            ratePercent = List.of(5, 7, 8, 10, 12).get(r.nextInt(5));
            monthly = base * ratePercent / 100.0 * 2;
            opened = YearMonth.of(p.workingSince(today), 1 + r.nextInt(12));
            employer = p.employer();
            List<List<LocalizedText>> rows = new ArrayList<>();
            double withdrawn = 0;
            int count = r.nextInt(4);
            List<LocalizedText> reasons = List.of(t("租房提取", "Rent"), t("购房提取", "Home purchase"),
                    t("偿还住房贷款本息提取", "Loan repayment"), t("既有住宅加装电梯提取", "Lift installation"));
            for (int i = 0; i < count; i++) {
                LocalDate day = today.minusDays(30 + r.nextInt(1_500));
                if (YearMonth.from(day).isBefore(opened)) {
                    continue;
                }
                double amount = 1_000 + r.nextInt(400) * 50;
                withdrawn += amount;
                rows.add(List.of(same(day.toString()), reasons.get(r.nextInt(reasons.size())), same(Money.format(amount)), t("已到账", "Paid")));
            }
            rows.sort((a, b) -> b.get(0).zh().compareTo(a.get(0).zh()));
            withdrawals = new Table(t("提取记录", "Withdrawals"), List.of(t("提取日期", "Date"), t("提取原因", "Reason"),
                    t("提取金额（元）", "Amount (CNY)"), t("状态", "Status")), rows);
            long months = Math.max(1, opened.until(YearMonth.from(today), java.time.temporal.ChronoUnit.MONTHS));
            balance = Math.max(0, months * monthly * 0.85 - withdrawn);
            loan = p.bucket("gjj-loan", 3) == 0 ? new Loan(p, today) : null;
        }

        List<Field> fields() {
            return List.of(
                    Field.of("个人账号", "Account number", number),
                    new Field(t("单位名称", "Employer"), employer),
                    Field.of("缴存状态", "Status", "正常缴存", "Active"),
                    Field.of("开户年月", "Opened", opened.toString()),
                    Field.of("缴存基数（元）", "Contribution base (CNY)", Money.format(base)),
                    Field.of("缴存比例", "Rate", "单位 " + ratePercent + "%，个人 " + ratePercent + "%",
                            "employer " + ratePercent + "%, employee " + ratePercent + "%"),
                    Field.of("月缴存额（元）", "Monthly contribution (CNY)", Money.format(monthly)),
                    Field.of("账户余额（元）", "Balance (CNY)", Money.format(balance)));
        }

        Table lastMonths(int n) {
            List<List<LocalizedText>> rows = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                YearMonth month = YearMonth.from(today).minusMonths(i);
                if (month.isBefore(opened)) {
                    break;
                }
                rows.add(List.of(same(month.toString()), same(Money.format(base)), same(Money.format(monthly / 2)),
                        same(Money.format(monthly / 2)), same(Money.format(monthly))));
            }
            return new Table(t("近期缴存明细", "Recent contributions"), List.of(t("缴存年月", "Month"), t("缴存基数（元）", "Base (CNY)"),
                    t("单位部分（元）", "Employer (CNY)"), t("个人部分（元）", "Employee (CNY)"), t("合计（元）", "Total (CNY)")), rows);
        }
    }

    /** An equal-instalment provident fund loan. */
    static final class Loan {

        final String contract;
        final double amount;
        final int months;
        final YearMonth start;
        final double payment;

        Loan(Person p, LocalDate today) {
            SplittableRandom r = p.random("gjj-loan");
            contract = "GJJDK" + (today.getYear() - 1 - r.nextInt(6)) + String.format("%06d", r.nextInt(1_000_000));
            amount = 200_000 + r.nextInt(61) * 10_000;
            months = List.of(120, 180, 240, 300, 360).get(r.nextInt(5));
            start = YearMonth.of(Integer.parseInt(contract.substring(5, 9)), 1 + r.nextInt(12));
            double i = LOAN_RATE / 1200;
            payment = amount * i * Math.pow(1 + i, months) / (Math.pow(1 + i, months) - 1);
        }

        /** Outstanding principal at the start of a month. */
        double remaining(YearMonth month) {
            long paid = Math.max(0, Math.min(months, start.until(month, java.time.temporal.ChronoUnit.MONTHS)));
            double i = LOAN_RATE / 1200;
            return amount * (Math.pow(1 + i, months) - Math.pow(1 + i, paid)) / (Math.pow(1 + i, months) - 1);
        }

        List<Field> fields(LocalDate today) {
            return List.of(
                    Field.of("贷款合同号", "Contract", contract),
                    Field.of("贷款金额（元）", "Amount (CNY)", Money.format(amount)),
                    Field.of("贷款期限", "Term", months + " 个月", months + " months"),
                    Field.of("贷款利率", "Rate", LOAN_RATE + "%"),
                    Field.of("还款方式", "Repayment", "等额本息", "Equal instalments"),
                    Field.of("月还款额（元）", "Monthly payment (CNY)", Money.format(payment)),
                    Field.of("放款年月", "Granted", start.toString()),
                    Field.of("剩余本金（元）", "Outstanding (CNY)", Money.format(remaining(YearMonth.from(today)))),
                    Field.of("贷款状态", "Status", "正常还款", "Repaying normally"));
        }
    }
}
