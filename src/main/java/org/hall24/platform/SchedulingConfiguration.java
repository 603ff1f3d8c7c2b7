package org.hall24.platform;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Scheduled work: each periodic job on a thread of its own ({@link ThreadPerJobScheduler}), so no
 * job can hold up another. The bean is the {@code taskScheduler} that {@code @Scheduled} methods
 * and Spring Boot's own scheduling support use.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean(name = "taskScheduler", destroyMethod = "destroy")
    TaskScheduler taskScheduler(Clock clock, @Value("${hall24.scheduling.one-shot-threads:2}") int oneShotThreads) {
        return new ThreadPerJobScheduler(clock, Math.max(1, oneShotThreads));
    }
}
