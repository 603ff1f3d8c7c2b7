package org.hall24;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hall24: the platform of a 24-hour smart government self-service hall (24小时智慧政务服务中心).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Hall24Application {

    public static void main(String[] args) {
        SpringApplication.run(Hall24Application.class, args);
    }
}
