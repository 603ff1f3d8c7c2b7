package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private final PersonalDataCipher cipher = new PersonalDataCipher(key((byte) 1));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void roundTripsChineseTextAndNeverRepeatsTheSealedText() {
        String sealed = cipher.encrypt("张三 110105194912310021");
        assertThat(sealed).startsWith("v1:").doesNotContain("110105").doesNotContain("张三");
        assertThat(cipher.encrypt("张三 110105194912310021")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("张三 110105194912310021");
    }

    @Test
    void refusesAlteredTextAndAnotherKey() {
        String sealed = cipher.encrypt("110105194912310021");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(key((byte) 2)).decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another key");
        assertThatThrownBy(() -> cipher.decrypt("plain")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blindIndexIsStablePerKeyAndRevealsNothing() {
        String index = cipher.blindIndex("110105194912310021");
        assertThat(cipher.blindIndex("110105194912310021")).isEqualTo(index).hasSize(64).doesNotContain("110105");
        assertThat(cipher.blindIndex("11010519491231002X")).isNotEqualTo(index);
        assertThat(new PersonalDataCipher(key((byte) 2)).blindIndex("110105194912310021")).isNotEqualTo(index);
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}
