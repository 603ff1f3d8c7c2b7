package org.hall24.notifications.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a digest lists the messages it holds. */
class DigestTextTest {

    @Test
    void anItemIsTheSmsTextWithoutItsSignature() {
        assertThat(StaffRouting.digestLine("【九龙坡政务】GJJ：申办件JLP-1的纸质材料已投入B3格，请及时取件。"))
                .isEqualTo("GJJ：申办件JLP-1的纸质材料已投入B3格，请及时取件。");
        assertThat(StaffRouting.digestLine("没有签名的文字【附注】")).isEqualTo("没有签名的文字【附注】");
    }

    @Test
    void theEmailNumbersEveryItemOnALineOfItsOwn() {
        assertThat(StaffDigests.numbered(List.of("12-04 03:12 第一条", "12-04 04:00 第二条")))
                .isEqualTo("1. 12-04 03:12 第一条\n2. 12-04 04:00 第二条");
    }

    @Test
    void theSmsListsTheFirstThreeAndCountsTheRest() {
        assertThat(StaffDigests.shortList(List.of("a", "b"))).isEqualTo("a；b");
        assertThat(StaffDigests.shortList(List.of("a", "b", "c", "d", "e"))).isEqualTo("a；b；c；另有2条未列出");
    }
}
