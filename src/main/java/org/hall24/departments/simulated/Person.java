package org.hall24.departments.simulated;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.SplittableRandom;

import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.LocalizedText;

/**
 * What the simulated departments "know" about a person, derived from the ID number alone, so the
 * same person always gets the same answer and about one in ten has no record at all.
 */
final class Person {

    static final List<LocalizedText> EMPLOYERS = List.of(
            new LocalizedText("重庆九渝科技有限公司", "Chongqing Jiuyu Technology Co., Ltd."),
            new LocalizedText("重庆杨家坪商贸有限公司", "Chongqing Yangjiaping Trading Co., Ltd."),
            new LocalizedText("重庆巴蜀精工机械有限公司", "Chongqing Bashu Precision Machinery Co., Ltd."),
            new LocalizedText("重庆谢家湾物流有限公司", "Chongqing Xiejiawan Logistics Co., Ltd."),
            new LocalizedText("重庆华岩医药连锁有限公司", "Chongqing Huayan Pharmacy Chain Co., Ltd."),
            new LocalizedText("重庆黄桷坪文化传媒有限公司", "Chongqing Huangjueping Culture and Media Co., Ltd."),
            new LocalizedText("九龙坡区石坪桥街道社区卫生服务中心", "Shipingqiao Community Health Centre, Jiulongpo"));

    static final List<LocalizedText> STREETS = List.of(
            new LocalizedText("九龙坡区杨家坪正街", "Yangjiaping Main Street, Jiulongpo"),
            new LocalizedText("九龙坡区西郊路", "Xijiao Road, Jiulongpo"),
            new LocalizedText("九龙坡区谢家湾正街", "Xiejiawan Main Street, Jiulongpo"),
            new LocalizedText("九龙坡区石坪桥横街", "Shipingqiao Cross Street, Jiulongpo"),
            new LocalizedText("九龙坡区科园四路", "Keyuan 4th Road, Jiulongpo"),
            new LocalizedText("九龙坡区黄桷坪正街", "Huangjueping Main Street, Jiulongpo"));

    private final ChineseIdNumber idNumber;
    private final long seed;

    Person(ChineseIdNumber idNumber) {
        this.idNumber = idNumber;
        this.seed = hash("person", idNumber.value());
    }

    ChineseIdNumber idNumber() {
        return idNumber;
    }

    /** A stable random sequence for one topic of this person (e.g. "gjj", "loan"). */
    SplittableRandom random(String topic) {
        return new SplittableRandom(seed ^ hash("topic", topic));
    }

    /** A stable bucket 0..n-1 of this person for one topic. */
    int bucket(String topic, int n) {
        return Math.floorMod(seed ^ hash("bucket", topic), n);
    }

    /** About one person in ten is known to no simulated department: every query is NO_RECORD. */
    boolean unknown() {
        return bucket("unknown", 10) == 0;
    }

    int age(LocalDate today) {
        return Period.between(idNumber.birthDate(), today).getYears();
    }

    LocalizedText employer() {
        return EMPLOYERS.get(bucket("employer", EMPLOYERS.size()));
    }

    /** The year the person started working (and contributing): at 22, not before 2000. */
    int workingSince(LocalDate today) {
        int start = Math.max(2000, idNumber.birthDate().getYear() + 22 + random("start").nextInt(4));
        return Math.min(start, today.getYear() - 1);
    }

    /** Monthly contribution base in yuan, 4,000 to 20,000 in steps of 100. */
    int contributionBase() {
        return 4_000 + random("base").nextInt(161) * 100;
    }

    static long hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
