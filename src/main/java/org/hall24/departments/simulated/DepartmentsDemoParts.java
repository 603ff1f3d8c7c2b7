package org.hall24.departments.simulated;

import org.hall24.platform.demo.DemoPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated department systems as a demo part: their answers are derived from the ID number, not from any department. */
@Configuration(proxyBeanMethods = false)
class DepartmentsDemoParts {

    @Bean
    DemoPart simulatedDepartmentsDemoPart(@Value("${hall24.departments.simulated:true}") boolean on) {
        return new DemoPart("the simulated department systems (instant items answered from a hash of the ID number)",
                "hall24.departments.simulated", on,
                "set hall24.departments.simulated=false and provide a DepartmentGateway adapter to the departments' systems "
                        + "(docs/departments.md)");
    }
}
