package org.hall24.kiosk.ime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the pinyin index once, at start-up, from the keyboard's data files and the service
 * catalog's data files at {@code hall24.catalog.location}.
 */
@Configuration(proxyBeanMethods = false)
class ImeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImeConfiguration.class);

    @Bean
    PinyinIndex pinyinIndex(@Value("${hall24.catalog.location:classpath:catalog}") String catalogLocation) {
        long start = System.nanoTime();
        PinyinIndex index = PinyinIndexLoader.load(catalogLocation);
        log.info("Kiosk keyboard: pinyin index of {} built in {} ms", index.summary(), (System.nanoTime() - start) / 1_000_000);
        return index;
    }
}
