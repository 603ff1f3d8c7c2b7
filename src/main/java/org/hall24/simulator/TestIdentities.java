package org.hall24.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generates test identities: Chinese names, Chongqing addresses and ID numbers valid by
 * GB 11643-1999 (6-digit region code, 8-digit birth date, 3-digit sequence whose last digit is odd
 * for men and even for women, and the ISO 7064 MOD 11-2 check character).
 */
public final class TestIdentities {

    /** Region codes of Chongqing's central districts, with the district's name and police branch. */
    private static final List<String[]> REGIONS = List.of(
            new String[] {"500107", "九龙坡区"}, new String[] {"500103", "渝中区"}, new String[] {"500106", "沙坪坝区"},
            new String[] {"500108", "南岸区"}, new String[] {"500112", "渝北区"}, new String[] {"500104", "大渡口区"});
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华志文玉梅红";
    private static final List<String> ETHNICITIES = List.of("汉", "汉", "汉", "汉", "汉", "汉", "土家", "苗");
    private static final List<String> STREETS = List.of("杨家坪正街", "西郊路", "谢家湾正街", "石坪桥横街", "黄桷坪正街");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private TestIdentities() {
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Whether an 18-character ID number carries the right check character. */
    public static boolean hasValidCheckCharacter(String idNumber) {
        return idNumber.length() == 18 && idNumber.substring(0, 17).chars().allMatch(Character::isDigit)
                && checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17);
    }

    /** A new adult identity (18 to 75 years old today), with a card that is valid today. */
    public static TestIdentity generate(RandomGenerator random, LocalDate today) {
        String[] region = REGIONS.get(random.nextInt(REGIONS.size()));
        LocalDate birth = today.minusYears(18 + random.nextInt(58)).minusDays(random.nextInt(365));
        boolean male = random.nextBoolean();
        int sequence = random.nextInt(50) * 10 + random.nextInt(5) * 2 + (male ? 1 : 0);
        String first17 = region[0] + birth.toString().replace("-", "") + String.format("%03d", sequence);
        String idNumber = first17 + checkCharacter(first17);
        int age = birth.until(today).getYears();
        LocalDate validFrom = today.minusYears(random.nextInt(5)).minusDays(random.nextInt(300));
        LocalDate validTo = validFrom.plusYears(age < 26 ? 10 : 20);
        String name = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
        String address = "重庆市" + region[1] + STREETS.get(random.nextInt(STREETS.size())) + (1 + random.nextInt(200))
                + "号（测试数据）";
        String issuer = "重庆市公安局" + region[1] + "分局";
        return new TestIdentity(name, male ? "男" : "女", ETHNICITIES.get(random.nextInt(ETHNICITIES.size())), birth, address,
                idNumber, issuer, validFrom, validTo, Images.portrait(random.nextLong()));
    }
}
