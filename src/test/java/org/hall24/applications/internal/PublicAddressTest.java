package org.hall24.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code hall24.public-base-url} values count as the demo part "a public address on this machine". */
class PublicAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hall24.example.gov.cn", "http://hall24.example.gov.cn:8080/", "https://10.20.30.40",
            "https://[2001:db8::1]/hall"})
    void anAbsoluteAddressOfAnotherMachineIsPublic(String url) {
        assertThat(ApplicationsDemoParts.isPublic(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "http://localhost:8080", "http://LOCALHOST", "https://hall.localhost", "http://127.0.0.1:8080",
            "http://127.1.2.3", "http://[::1]:8080", "http://0.0.0.0:8080", "hall24.example.gov.cn", "ftp://hall24.example.gov.cn",
            "http://exa mple.com"})
    void unsetNotHttpOrOnThisMachineIsNot(String url) {
        assertThat(ApplicationsDemoParts.isPublic(url)).isFalse();
    }
}
