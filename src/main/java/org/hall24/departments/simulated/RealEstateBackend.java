package org.hall24.departments.simulated;

import static org.hall24.departments.simulated.Answers.noRecord;
import static org.hall24.departments.simulated.Answers.same;
import static org.hall24.departments.simulated.Answers.t;

import java.time.LocalDate;
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
 * The real-estate registration centre (不动产登记, BDC): appointments, ownership, mortgage and
 * seizure queries, the 有房无房证明 (proof of owning or not owning property), register
 * print-outs, progress, certificate verification and fee receipts.
 */
final class RealEstateBackend implements Backend {

    static final LocalizedText PLACE = t("九龙坡区不动产登记中心（杨家坪正街）", "Jiulongpo Real Estate Registration Centre, Yangjiaping Main Street");

    @Override
    public Set<String> departments() {
        return Set.of("BDC");
    }

    @Override
    public Optional<InstantAnswer> answer(Ask ask) {
        List<Property> owned = properties(ask.person(), ask.today());
        return Optional.ofNullable(switch (ask.code()) {
            case "BDC-0001" -> Answers.appointment(ask, "BDCYY", PLACE);
            case "BDC-0002", "BDC-0008" -> owned.isEmpty()
                    ? noRecord(ask, "未查询到您名下的不动产登记记录。", "No real estate is registered in your name.")
                    : InstantAnswer.ok(ask.reference("BDC"), ask.code().equals("BDC-0002")
                            ? t("不动产权属信息", "Real-estate ownership") : t("不动产登记簿信息", "Real-estate register extract"),
                            List.of(Field.of("不动产数量", "Properties", String.valueOf(owned.size()))), table(owned), ask.code().equals("BDC-0008"));
            case "BDC-0003" -> proof(ask, owned);
            case "BDC-0004" -> ask.person().bucket("bdc-case", 3) != 0
                    ? noRecord(ask, "未查询到您的在办不动产登记业务。", "You have no real-estate registration in progress.")
                    : progress(ask);
            case "BDC-0005" -> owned.stream().noneMatch(Property::mortgaged)
                    ? noRecord(ask, "未查询到您名下不动产的抵押登记。", "None of your properties is mortgaged.")
                    : InstantAnswer.ok(ask.reference("BDC"), t("不动产抵押登记信息", "Mortgage registrations"), List.of(),
                            new Table(t("抵押登记", "Mortgages"), List.of(t("不动产权证号", "Certificate"), t("抵押权人", "Mortgagee"),
                                    t("被担保债权数额（元）", "Secured amount (CNY)"), t("登记日期", "Registered")),
                                    owned.stream().filter(Property::mortgaged).map(p -> List.of(same(p.certificate), t("重庆市住房公积金管理中心", "Chongqing Housing Provident Fund Centre"),
                                            same(Money.format(p.area * 6_000)), same(p.registered.toString()))).toList()), false);
            case "BDC-0006" -> owned.isEmpty()
                    ? noRecord(ask, "未查询到您名下的不动产登记记录。", "No real estate is registered in your name.")
                    : InstantAnswer.ok(ask.reference("BDC"), t("不动产查封登记信息", "Seizure registrations"), List.of(
                            Field.of("查询结果", "Result", "您名下的不动产无查封登记。", "None of your properties is under seizure."),
                            Field.of("查询日期", "Date", Ask.day(ask.today()))), null, false);
            case "BDC-0007" -> verify(ask, owned);
            case "BDC-0009" -> receipt(ask);
            case "BDC-0010" -> ask.person().bucket("bdc-appointment", 4) != 0
                    ? noRecord(ask, "您当前没有不动产登记预约。", "You have no real-estate registration appointment.")
                    : InstantAnswer.ok(ask.reference("BDCYY"), t("不动产登记预约", "Real-estate registration appointment"), List.of(
                            Field.of("预约日期", "Date", Ask.day(ask.today().plusDays(1 + ask.person().bucket("bdc-day", 7)))),
                            Field.of("预约时段", "Slot", "上午（9:00-12:00）", "Morning (9:00-12:00)"),
                            Field.of("登记类型", "Type", "转移登记（过户）", "Transfer"),
                            new Field(t("办理地点", "Place"), PLACE),
                            Field.of("取消方式", "To cancel", "在本机选择“取消预约”，或致电 023-68780000", "Choose 'cancel' on this kiosk or call 023-68780000")),
                            null, false);
            default -> null;
        });
    }

    private InstantAnswer proof(Ask ask, List<Property> owned) {
        String since = "截至" + Ask.day(ask.today());
        if (owned.isEmpty()) {
            return InstantAnswer.ok(ask.reference("BDCZM"), t("不动产登记信息查询结果证明（无房证明）", "Certificate of real-estate registration search (no property)"),
                    List.of(Field.of("查询结果", "Result", "经查询，" + since + "，申请人在重庆市不动产登记信息系统中无不动产登记记录。",
                            "As of " + Ask.day(ask.today()) + ", no real estate is registered in the applicant's name in Chongqing's registry.")),
                    null, true);
        }
        return InstantAnswer.ok(ask.reference("BDCZM"), t("不动产登记信息查询结果证明（有房证明）", "Certificate of real-estate registration search (property owned)"),
                List.of(Field.of("查询结果", "Result", "经查询，" + since + "，申请人在重庆市登记有以下 " + owned.size() + " 处不动产。",
                        "As of " + Ask.day(ask.today()) + ", the following " + owned.size() + " properties are registered in the applicant's name in Chongqing.")),
                table(owned), true);
    }

    private InstantAnswer progress(Ask ask) {
        SplittableRandom r = ask.person().random("bdc-case");
        List<LocalizedText> steps = List.of(t("受理", "Accepted"), t("审核", "Under review"), t("登簿", "Recorded"), t("缮证", "Certificate being prepared"),
                t("待领证", "Ready for collection"));
        int step = r.nextInt(steps.size());
        LocalDate accepted = ask.today().minusDays(1 + r.nextInt(5));
        return InstantAnswer.ok("BDC" + accepted.toString().replace("-", "") + String.format("%06d", r.nextInt(1_000_000)),
                t("不动产登记办理进度", "Real-estate registration progress"), List.of(
                        Field.of("登记类型", "Type", "转移登记（过户）", "Transfer"),
                        Field.of("受理日期", "Accepted", Ask.day(accepted)),
                        new Field(t("当前环节", "Current step"), steps.get(step)),
                        Field.of("承诺办结日期", "Promised by", Ask.day(accepted.plusDays(5)))), null, false);
    }

    private InstantAnswer verify(Ask ask, List<Property> owned) {
        String number = ask.value("certificateNumber");
        if (number == null) {
            return Answers.refused(ask, "请输入不动产权证书号或登记证明号。", "Please enter the certificate number.");
        }
        String normalized = number.replace(" ", "").replace("（", "(").replace("）", ")");
        for (Property p : owned) {
            if (p.certificate.replace("（", "(").replace("）", ")").equals(normalized)) {
                return InstantAnswer.ok(ask.reference("BDCYZ"), t("不动产权证书真伪查验结果", "Certificate verification"), List.of(
                        Field.of("查验结果", "Result", "该证书信息与登记簿记载一致。", "The certificate matches the register."),
                        Field.of("不动产权证号", "Certificate", p.certificate),
                        new Field(t("坐落", "Location"), p.location)), null, true);
            }
        }
        return noRecord(ask, "未查询到与该证号一致的登记信息，请核对证号，或携带证书到登记窗口查验。",
                "No registration matches this number. Please check it, or bring the certificate to a counter.");
    }

    private InstantAnswer receipt(Ask ask) {
        String ref = ask.value("receiptRef");
        if (ref == null) {
            return Answers.refused(ask, "请输入缴费单号。", "Please enter the payment reference.");
        }
        SplittableRandom r = new SplittableRandom(Person.hash("bdc-fee", ref));
        int fee = List.of(80, 550).get(r.nextInt(2));
        return InstantAnswer.ok(ask.reference("BDCPJ"), t("不动产登记费缴费票据", "Real-estate registration fee receipt"), List.of(
                Field.of("缴费单号", "Payment reference", ref),
                Field.of("收费项目", "Item", fee == 80 ? "住宅类不动产登记费" : "非住宅类不动产登记费", fee == 80 ? "Residential registration fee" : "Non-residential registration fee"),
                Field.of("金额（元）", "Amount (CNY)", Money.format(fee)),
                Field.of("大写金额", "In words", Money.capital(java.math.BigDecimal.valueOf(fee))),
                Field.of("收款单位", "Payee", "九龙坡区不动产登记中心", "Jiulongpo Real Estate Registration Centre")), null, true);
    }

    private static Table table(List<Property> owned) {
        return new Table(t("不动产登记信息", "Registered real estate"), List.of(t("不动产权证号", "Certificate"), t("坐落", "Location"),
                t("面积（㎡）", "Area (m²)"), t("用途", "Use"), t("登记日期", "Registered")),
                owned.stream().map(p -> List.of(same(p.certificate), p.location, same(String.format("%.2f", p.area)), p.use,
                        same(p.registered.toString()))).toList());
    }

    /** About two people in three own one or two properties. */
    static List<Property> properties(Person person, LocalDate today) {
        if (person.unknown() || person.bucket("bdc-owner", 3) == 0) {
            return List.of();
        }
        SplittableRandom r = person.random("bdc");
        int count = 1 + (person.bucket("bdc-count", 4) == 0 ? 1 : 0);
        List<Property> owned = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int year = Math.min(today.getYear() - 1, 2016 + r.nextInt(9));
            LocalizedText street = Person.STREETS.get(r.nextInt(Person.STREETS.size()));
            int no = 1 + r.nextInt(200);
            int building = 1 + r.nextInt(12);
            int floor = 2 + r.nextInt(30);
            String unit = floor + "-" + (1 + r.nextInt(6));
            LocalizedText location = new LocalizedText(street.zh() + no + "号" + building + "幢" + unit,
                    "No. " + no + ", " + street.en() + ", building " + building + ", " + unit);
            boolean home = k == 0 || r.nextBoolean();
            owned.add(new Property("渝（" + year + "）九龙坡区不动产权第" + String.format("%07d", r.nextInt(10_000_000)) + "号", location,
                    60 + r.nextInt(9_000) / 100.0, home ? t("成套住宅", "Residential") : t("商业服务", "Commercial"),
                    LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28)), r.nextInt(3) == 0));
        }
        return owned;
    }

    record Property(String certificate, LocalizedText location, double area, LocalizedText use, LocalDate registered, boolean mortgaged) {
    }
}
