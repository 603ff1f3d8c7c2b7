package org.hall24.departments.simulated;

import static org.hall24.departments.simulated.Answers.noRecord;
import static org.hall24.departments.simulated.Answers.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswer.Field;
import org.hall24.shared.LocalizedText;
import org.hall24.shared.Masking;

/**
 * The answer of any instant item without a backend of its own, shaped by what the item is:
 * an appointment (预约), a progress query (进度), a print-out (打印), a query or check (查询, 查验),
 * or else a filing handled on the spot (备案, 签注, 变更 …, 即办即结). The submitted form is
 * echoed with its titles, phone and ID numbers masked.
 */
final class GenericBackend implements Backend {

    @Override
    public Set<String> departments() {
        return Set.of();
    }

    @Override
    public Optional<InstantAnswer> answer(Ask ask) {
        String name = ask.item().name().zh();
        String prefix = ask.item().department();
        if (name.contains("预约") && !name.contains("查询")) {
            return Optional.of(Answers.appointment(ask, prefix + "YY", t(ask.title().zh() + "：九龙坡区政务服务中心相应窗口",
                    ask.title().en() + ": the department's counter at the Jiulongpo Government Service Centre")));
        }
        if (name.contains("进度")) {
            if (ask.person().bucket("progress-" + ask.code(), 3) == 0) {
                return Optional.of(noRecord(ask, "未查询到您在办的业务。", "You have no application in progress."));
            }
            SplittableRandom r = ask.person().random("progress-" + ask.code());
            List<LocalizedText> steps = List.of(t("已受理", "Accepted"), t("审核中", "Under review"), t("制证中", "Being produced"),
                    t("已寄出", "Posted"), t("待领取", "Ready for collection"));
            return Optional.of(InstantAnswer.ok(ask.reference(prefix), t(ask.title().zh(), ask.title().en()), List.of(
                    Field.of("受理日期", "Accepted", Ask.day(ask.today().minusDays(1 + r.nextInt(20)))),
                    new Field(t("当前状态", "Status"), steps.get(r.nextInt(steps.size()))),
                    Field.of("办理部门", "Department", prefix)), null, false));
        }
        List<Field> fields = new ArrayList<>(echo(ask));
        if (name.contains("打印")) {
            if (ask.person().unknown()) {
                return Optional.of(noRecord(ask, "未查询到可打印的记录。", "There is no record to print."));
            }
            fields.add(0, Field.of("证明内容", "Statement", "经核查，申请人的相关登记信息真实有效，特此证明。",
                    "The applicant's records have been checked and are valid."));
            return Optional.of(InstantAnswer.ok(ask.reference(prefix + "ZM"), ask.title(), fields, null, true));
        }
        if (name.contains("查询") || name.contains("查验")) {
            if (ask.person().bucket("query-" + ask.code(), 8) == 0) {
                return Optional.of(noRecord(ask, "未查询到相关记录。", "No matching record was found."));
            }
            fields.add(0, Field.of("查询结果", "Result", "记录正常，无异常信息", "Records are in order; nothing unusual"));
            fields.add(1, Field.of("查询日期", "Date", Ask.day(ask.today())));
            return Optional.of(InstantAnswer.ok(ask.reference(prefix), ask.title(), fields, null, false));
        }
        fields.add(0, Field.of("办理结果", "Result", "已办结（即办件，当场办结）", "Done (instant item, completed on the spot)"));
        fields.add(1, Field.of("办结日期", "Completed on", Ask.day(ask.today())));
        return Optional.of(InstantAnswer.ok(ask.reference(prefix), t(ask.title().zh() + "办理结果", "Result: " + ask.title().en()), fields, null, true));
    }

    /** The submitted form with its titles; phone and ID numbers masked. */
    static List<Field> echo(Ask ask) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : ask.request().form().entrySet()) {
            String key = e.getKey();
            String value = ask.value(key);
            if (value == null) {
                continue;
            }
            String format = ask.format(key);
            if (format.equals("phone") || key.toLowerCase().contains("phone")) {
                value = Masking.phone(value);
            }
            else if (format.equals("id-number") || key.equals("idNumber")) {
                value = Masking.idNumber(value);
            }
            if (value.length() > 200) {
                value = value.substring(0, 200) + "…";
            }
            fields.add(new Field(ask.fieldTitle(key), ask.valueTitle(key, value)));
        }
        return fields;
    }
}
