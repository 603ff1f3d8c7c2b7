package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticResourceLinksTest {

    @Test
    void onlyStaticResourcesGoThroughTheResourceChain() {
        assertThat(StaticResourceLinks.isStatic("/css/kiosk.css")).isTrue();
        assertThat(StaticResourceLinks.isStatic("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
        assertThat(StaticResourceLinks.isStatic("/hall24/js/kiosk.js?v=1")).as("under a context path").isTrue();
        assertThat(StaticResourceLinks.isStatic("/kiosk/items/WJ-0001")).isFalse();
        assertThat(StaticResourceLinks.isStatic("/kiosk/items?q=/css/")).as("the query does not count").isFalse();
        assertThat(StaticResourceLinks.isStatic("https://example.org/css/x.css")).isFalse();
    }
}
