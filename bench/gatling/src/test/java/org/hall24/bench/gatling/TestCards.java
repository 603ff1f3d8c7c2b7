package org.hall24.bench.gatling;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/**
 * Test identities for the virtual kiosks' card reader: the generation of the app's
 * {@code org.hall24.simulator.TestIdentities} (copied, so that this project never depends on the
 * app's classes): Chongqing region codes, an adult's birth date, a sequence whose parity gives the
 * sex, and the GB 11643-1999 check character. Names and addresses are marked as test data.
 */
final class TestCards {

    private static final List<String[]> REGIONS = List.of(
            new String[] {"500107", "九龙坡区"}, new String[] {"500103", "渝中区"}, new String[] {"500106", "沙坪坝区"},
            new String[] {"500108", "南岸区"}, new String[] {"500112", "渝北区"}, new String[] {"500104", "大渡口区"});
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华志文玉梅红";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** A small portrait for the card, and a scanned page for the materials: generated once. */
    static final String PORTRAIT_BASE64 = Base64.getEncoder().encodeToString(jpeg(102, 126, new Color(200, 210, 230)));
    static final byte[] PAGE_JPEG = jpeg(400, 300, Color.WHITE);
    static final String PAGE_BASE64 = Base64.getEncoder().encodeToString(PAGE_JPEG);

    /** A card as the reader reports it. */
    record Card(String name, String idNumber, String json) {
    }

    private TestCards() {
    }

    static Card next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
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
                + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
        String address = "重庆市" + region[1] + "杨家坪正街" + (1 + random.nextInt(200)) + "号（测试数据）";
        String json = "{\"name\":\"" + name + "\",\"sex\":\"" + (male ? "男" : "女") + "\",\"ethnicity\":\"汉\","
                + "\"birthDate\":\"" + birth + "\",\"address\":\"" + address + "\",\"idNumber\":\"" + idNumber + "\","
                + "\"issuer\":\"重庆市公安局" + region[1] + "分局\",\"validFrom\":\"" + validFrom + "\",\"validTo\":\"" + validTo + "\","
                + "\"photo\":\"" + PORTRAIT_BASE64 + "\",\"testData\":true}";
        return new Card(name, idNumber, json);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static byte[] jpeg(int width, int height, Color background) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 10, height / 10, width / 2, height / 3);
        g.drawString("TEST", width / 10, height * 3 / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
