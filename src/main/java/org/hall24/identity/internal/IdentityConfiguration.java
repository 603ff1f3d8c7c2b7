package org.hall24.identity.internal;

import org.hall24.identity.FaceVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default {@link FaceVerifier}, unless the application defines another. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    static final String DEMO_KEY = "hall24-demo-face-report-key-change-me";

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(FaceVerifier.class)
    SignedReportFaceVerifier faceVerifier(@Value("${hall24.identity.face.report-key:" + DEMO_KEY + "}") String key,
            @Value("${hall24.identity.face.threshold:0.80}") double threshold) {
        if (DEMO_KEY.equals(key)) {
            log.warn("Face reports are checked with the demo key: set hall24.identity.face.report-key to the key your "
                    + "kiosks' face modules sign with (docs/kiosk.md)");
        }
        return new SignedReportFaceVerifier(key, threshold);
    }
}
