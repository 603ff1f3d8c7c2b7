package org.hall24.platform;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Only links to static resources go through the resource chain. Thymeleaf hands every
 * {@code @{…}} link to {@code HttpServletResponse.encodeURL}, where Spring's
 * {@code ResourceUrlEncodingFilter} (on because WebJars are served version-less) looks each one up
 * as a static file in four classpath folders, uncached when it misses. A page of item links paid
 * that for every link; under the kiosk benchmark it was the app's largest cost (docs/benchmarks.md).
 * Sessions are tracked by cookie only, so no other link needs encoding.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/images/", "/webjars/", "/favicon");

    @Bean
    static BeanPostProcessor staticResourceLinkBuilder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new StaticOnlyLinkBuilder());
                }
                return bean;
            }
        };
    }

    static final class StaticOnlyLinkBuilder extends StandardLinkBuilder {

        @Override
        protected String processLink(IExpressionContext context, String link) {
            return isStatic(link) ? super.processLink(context, link) : link;
        }
    }

    /** Whether a built link (context path included) points at a static resource of this app. */
    static boolean isStatic(String link) {
        if (link.contains("://")) {
            return false;
        }
        int query = link.indexOf('?');
        String path = query < 0 ? link : link.substring(0, query);
        return STATIC_PREFIXES.stream().anyMatch(path::contains);
    }
}
