package org.hall24.departments.simulated;

import static org.hall24.departments.simulated.Answers.noRecord;
import static org.hall24.departments.simulated.Answers.same;
import static org.hall24.departments.simulated.Answers.t;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswer.Field;
import org.hall24.departments.InstantAnswer.Table;
import org.hall24.shared.LocalizedText;

/**
 * Social insurance (社会保险, RS: pension, unemployment, work injury) and medical insurance (医疗保障,
 * YB): enrolment, contribution records and certificates, benefit records, accounts, appointments.
 * Contribution rates are Chongqing's: pension 16 % employer + 8 % employee, medical 8.5 % + 2 %,
 * unemployment 0.5 % + 0.5 %.
 */
final class SocialInsuranceBackend implements Backend {

    static final int PENSION_AGE = 60;

    @Override
    public Set<String> departments() {
        return Set.of("RS", "YB");
    }

    @Override
    public Optional<InstantAnswer> answer(Ask ask) {
        Person p = ask.person();
        LocalizedText place = ask.code().startsWith("YB")
                ? t("九龙坡区医疗保障事务中心（杨家坪正街）", "Jiulongpo Medical Insurance Service Centre, Yangjiaping Main Street")
                : t("九龙坡区社会保险事务中心（杨家坪正街）", "Jiulongpo Social Insurance Service Centre, Yangjiaping Main Street");
        if (ask.code().equals("RS-0008") || ask.code().equals("YB-0005")) {
            return Optional.of(Answers.appointment(ask, ask.code().substring(0, 2) + "YY", place));
        }
        if (ask.code().equals("YB-0006") || ask.code().equals("YB-0007")) {
            return Optional.empty();
        }
        if (p.unknown()) {
            return Optional.of(noRecord(ask, "未查询到您的参保记录。如您已参保，请携带身份证到社保经办窗口核实。",
                    "No insurance record was found for you. If you are insured, please bring your ID card to a counter to check."));
        }
        Insured i = new Insured(p, ask.today());
        int age = p.age(ask.today());
        return Optional.ofNullable(switch (ask.code()) {
            case "RS-0001" -> contributions(ask, i, false);
            case "RS-0002" -> InstantAnswer.ok(ask.reference("RSZM"), t("城镇职工基本养老保险参保证明", "Certificate of basic pension insurance"),
                    i.pensionFields(), i.yearly(3), true);
            case "RS-0003" -> InstantAnswer.ok(ask.reference("RS"), t("社会保险个人权益记录", "Personal social insurance record"), List.of(
                    Field.of("社会保障号码", "Social security number", ask.person().idNumber().masked()),
                    new Field(t("参保单位", "Employer"), i.employer),
                    Field.of("养老保险累计缴费月数", "Pension months paid", String.valueOf(i.months)),
                    Field.of("养老保险个人账户累计储存额（元）", "Pension personal account (CNY)", Money.format(i.months * i.base * 0.08)),
                    Field.of("医疗保险参保状态", "Medical insurance", "参保缴费", "Paying"),
                    Field.of("失业保险参保状态", "Unemployment insurance", "参保缴费", "Paying"),
                    Field.of("工伤保险参保状态", "Work-injury insurance", "参保缴费", "Paying")), i.yearly(5), true);
            case "RS-0004", "RS-0009" -> age < PENSION_AGE
                    ? noRecord(ask, "未查询到您的养老保险待遇领取记录。", "You do not receive a pension, so there is no record.")
                    : ask.code().equals("RS-0009")
                            ? InstantAnswer.ok(ask.reference("RSRZ"), t("养老保险待遇领取资格认证结果", "Pension eligibility authentication"), List.of(
                                    Field.of("认证结果", "Result", "认证通过", "Authenticated"),
                                    Field.of("认证方式", "Method", "自助终端人脸识别", "Face check at a self-service kiosk"),
                                    Field.of("认证日期", "Date", Ask.day(ask.today())),
                                    Field.of("有效期至", "Valid until", Ask.day(ask.today().plusMonths(12).minusDays(1)))), null, true)
                            : pension(ask, i);
            case "RS-0005" -> InstantAnswer.ok(ask.reference("RS"), t("城乡居民基本养老保险缴费记录", "Residents' pension contributions"),
                    List.of(Field.of("参保险种", "Scheme", "城乡居民基本养老保险", "Urban and rural residents' pension")),
                    new Table(t("缴费记录", "Contributions"), List.of(t("缴费年度", "Year"), t("缴费档次（元）", "Grade (CNY)"),
                            t("政府补贴（元）", "Subsidy (CNY)"), t("到账日期", "Credited")), residentsRows(p, ask.today())), true);
            case "RS-0006" -> p.bucket("unemployment", 4) != 0
                    ? noRecord(ask, "未查询到您的失业保险金领取记录。", "You have not received unemployment benefits.")
                    : benefit(ask, "失业保险金领取记录", "Unemployment benefit payments", 1_800 + p.random("ui").nextInt(8) * 50);
            case "RS-0007" -> p.bucket("injury", 8) != 0
                    ? noRecord(ask, "未查询到您的工伤保险待遇支付信息。", "No work-injury benefit payments were found.")
                    : benefit(ask, "工伤保险待遇支付信息", "Work-injury benefit payments", 2_000 + p.random("wi").nextInt(20) * 100);
            case "YB-0001" -> InstantAnswer.ok(ask.reference("YB"), t("基本医疗保险参保信息", "Basic medical insurance enrolment"), i.medicalFields(), null, false);
            case "YB-0002" -> contributions(ask, i, true);
            case "YB-0003" -> InstantAnswer.ok(ask.reference("YBZM"), t("基本医疗保险参保凭证", "Certificate of basic medical insurance"),
                    i.medicalFields(), null, true);
            case "YB-0004" -> InstantAnswer.ok(ask.reference("YB"), t("医保个人账户余额及消费明细", "Medical insurance account and spending"), List.of(
                    Field.of("个人账户余额（元）", "Balance (CNY)", Money.format(i.base * 0.02 * 12 * 0.6)),
                    Field.of("本年划入（元）", "Credited this year (CNY)", Money.format(i.base * 0.02 * ask.today().getMonthValue()))),
                    spending(p, ask.today()), false);
            default -> null;
        });
    }

    private InstantAnswer contributions(Ask ask, Insured i, boolean medical) {
        Answers.Period period = Answers.Period.of(ask, 60);
        if (period.refusal() != null) {
            return period.refusal();
        }
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (YearMonth m : period.months()) {
            if (m.isBefore(i.since) || !m.isBefore(YearMonth.from(ask.today()))) {
                continue;
            }
            if (medical) {
                rows.add(List.of(same(m.toString()), t("职工基本医疗保险", "Employees' medical"), same(Money.format(i.base)),
                        same(Money.format(i.base * 0.085)), same(Money.format(i.base * 0.02)), t("已到账", "Paid")));
            }
            else {
                rows.add(List.of(same(m.toString()), t("城镇职工基本养老保险", "Employees' pension"), same(Money.format(i.base)),
                        same(Money.format(i.base * 0.16)), same(Money.format(i.base * 0.08)), t("已到账", "Paid")));
            }
        }
        if (rows.isEmpty()) {
            return noRecord(ask, "所选期间没有缴费记录。", "There are no contributions in the chosen period.");
        }
        return InstantAnswer.ok(ask.reference(medical ? "YB" : "RS"),
                medical ? t("医疗保险缴费记录", "Medical insurance contributions") : t("社会保险参保缴费记录", "Social insurance contributions"),
                List.of(new Field(t("参保单位", "Employer"), i.employer), Field.of("查询期间", "Period",
                        period.from() + " — " + period.to())),
                new Table(t("缴费明细", "Contributions"), List.of(t("费款所属期", "Month"), t("险种", "Scheme"), t("缴费基数（元）", "Base (CNY)"),
                        t("单位缴费（元）", "Employer (CNY)"), t("个人缴费（元）", "Employee (CNY)"), t("状态", "Status")), rows), true);
    }

    private InstantAnswer pension(Ask ask, Insured i) {
        Answers.Period period = Answers.Period.of(ask, 60);
        if (period.refusal() != null) {
            return period.refusal();
        }
        double monthly = 2_200 + ask.person().random("pension").nextInt(40) * 50;
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (YearMonth m : period.months()) {
            if (m.isBefore(YearMonth.from(ask.today()))) {
                rows.add(List.of(same(m.toString()), same(Money.format(monthly)), t("基本养老金", "Basic pension"), t("已发放", "Paid")));
            }
        }
        if (rows.isEmpty()) {
            return noRecord(ask, "所选期间没有待遇发放记录。", "There are no payments in the chosen period.");
        }
        return InstantAnswer.ok(ask.reference("RS"), t("养老保险待遇发放记录", "Pension payments"),
                List.of(Field.of("月基本养老金（元）", "Monthly pension (CNY)", Money.format(monthly))),
                new Table(t("发放明细", "Payments"), List.of(t("发放年月", "Month"), t("金额（元）", "Amount (CNY)"), t("项目", "Item"),
                        t("状态", "Status")), rows), true);
    }

    private InstantAnswer benefit(Ask ask, String zh, String en, double monthly) {
        List<List<LocalizedText>> rows = new ArrayList<>();
        YearMonth first = YearMonth.from(ask.today()).minusMonths(3 + ask.person().random("benefit").nextInt(20));
        for (int k = 0; k < 3; k++) {
            rows.add(List.of(same(first.plusMonths(k).toString()), same(Money.format(monthly)), t("已发放", "Paid")));
        }
        return InstantAnswer.ok(ask.reference("RS"), t(zh, en), List.of(), new Table(t(zh, en),
                List.of(t("发放年月", "Month"), t("金额（元）", "Amount (CNY)"), t("状态", "Status")), rows), false);
    }

    private static List<List<LocalizedText>> residentsRows(Person p, LocalDate today) {
        SplittableRandom r = p.random("residents");
        int grade = List.of(100, 200, 300, 500, 1000, 2000).get(r.nextInt(6));
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (int y = today.getYear() - 1; y >= today.getYear() - 5; y--) {
            rows.add(List.of(same(String.valueOf(y)), same(Money.format(grade)), same(Money.format(grade >= 500 ? 60 : 30 + grade / 20.0)),
                    same(y + "-0" + (3 + r.nextInt(6)) + "-1" + r.nextInt(10))));
        }
        return rows;
    }

    private static Table spending(Person p, LocalDate today) {
        SplittableRandom r = p.random("yb-spending");
        List<LocalizedText> places = List.of(t("重庆医科大学附属第一医院", "First Affiliated Hospital of Chongqing Medical University"),
                t("九龙坡区人民医院", "Jiulongpo District People's Hospital"), t("杨家坪某连锁药店", "A pharmacy in Yangjiaping"),
                t("石坪桥街道社区卫生服务中心", "Shipingqiao Community Health Centre"));
        List<List<LocalizedText>> rows = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            LocalDate day = today.minusDays(3 + k * 17L + r.nextInt(10));
            rows.add(List.of(same(day.toString()), places.get(r.nextInt(places.size())), same(Money.format(20 + r.nextInt(400) + r.nextInt(100) / 100.0))));
        }
        return new Table(t("近期消费明细", "Recent spending"), List.of(t("日期", "Date"), t("机构", "Place"), t("金额（元）", "Amount (CNY)")), rows);
    }

    /** A person's social insurance record. */
    static final class Insured {

        final int base;
        final YearMonth since;
        final long months;
        final LocalizedText employer;
        final LocalDate today;

        Insured(Person p, LocalDate today) {
            this.today = today;
            base = p.contributionBase();
            since = YearMonth.of(p.workingSince(today), 1 + p.random("si").nextInt(12));
            months = Math.max(1, since.until(YearMonth.from(today), ChronoUnit.MONTHS));
            employer = p.employer();
        }

        List<Field> pensionFields() {
            return List.of(
                    Field.of("参保险种", "Scheme", "城镇职工基本养老保险", "Employees' basic pension insurance"),
                    Field.of("参保状态", "Status", "正常参保", "Insured"),
                    Field.of("首次参保年月", "Insured since", since.toString()),
                    Field.of("累计缴费月数", "Months paid", String.valueOf(months)),
                    new Field(t("参保单位", "Employer"), employer),
                    Field.of("参保地", "Place", "重庆市九龙坡区", "Jiulongpo, Chongqing"));
        }

        List<Field> medicalFields() {
            return List.of(
                    Field.of("参保险种", "Scheme", "职工基本医疗保险", "Employees' basic medical insurance"),
                    Field.of("参保状态", "Status", "参保缴费", "Insured"),
                    Field.of("参保日期", "Insured since", since.atDay(1).toString()),
                    new Field(t("参保单位", "Employer"), employer),
                    Field.of("参保地", "Place", "重庆市九龙坡区", "Jiulongpo, Chongqing"),
                    Field.of("待遇享受状态", "Benefits", "正常享受", "Entitled"));
        }

        Table yearly(int years) {
            List<List<LocalizedText>> rows = new ArrayList<>();
            int now = today.getYear();
            for (int y = now; y > now - years && y >= since.getYear(); y--) {
                rows.add(List.of(same(String.valueOf(y)), same(Money.format(base)), same(Money.format(base * 0.08 * 12))));
            }
            return new Table(t("年度缴费", "Contributions by year"), List.of(t("年度", "Year"), t("缴费基数（元）", "Base (CNY)"),
                    t("个人缴费合计（元）", "Employee total (CNY)")), rows);
        }
    }
}
