package org.hall24.identity.internal;

import org.hall24.platform.demo.DemoPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo face-report key as a demo part: it is published in the source, so anyone could sign a
 * face report that passes the policy for any card.
 */
@Configuration(proxyBeanMethods = false)
class IdentityDemoParts {

    @Bean
    DemoPart faceReportKeyDemoPart(@Value("${hall24.identity.face.report-key:" + IdentityConfiguration.DEMO_KEY + "}") String key) {
        return new DemoPart("the demo face-report key (published in the source: anyone can sign a passing face report)",
                "hall24.identity.face.report-key", key.isBlank() || IdentityConfiguration.DEMO_KEY.equals(key.strip()),
                "set hall24.identity.face.report-key (environment HALL24_FACE_REPORT_KEY) to the key the kiosks' face modules "
                        + "sign with (docs/kiosk.md)");
    }
}
