package org.hall24.platform.demo;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactoryInitializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every {@link DemoPart} the modules declare before the application's other beans are
 * created (a {@link BeanFactoryInitializer} runs ahead of the singletons): with
 * {@code hall24.demo=false}, any part that is on stops start-up with a
 * {@link DemoPartsOnException} naming {@code hall24.demo} and each part's property, before the
 * database, the broker or the devices' credentials are touched. In demo mode it logs which parts
 * are simulated.
 */
@Component
class DemoGuard implements BeanFactoryInitializer<ListableBeanFactory> {

    private static final Logger log = LoggerFactory.getLogger(DemoGuard.class);

    private final DemoMode mode;

    DemoGuard(DemoMode mode) {
        this.mode = mode;
    }

    @Override
    public void initialize(ListableBeanFactory beans) {
        check(beans.getBeanProvider(DemoPart.class).orderedStream().toList());
    }

    void check(List<DemoPart> parts) {
        List<DemoPart> on = parts.stream().filter(DemoPart::on).toList();
        if (!mode.on() && !on.isEmpty()) {
            throw new DemoPartsOnException(on);
        }
        if (mode.on()) {
            log.info("Demo mode ({}=true): pages are marked as a demo; simulated here: {}. Set {}=false for production "
                    + "(docs/operations.md).", DemoMode.PROPERTY, on.isEmpty() ? "nothing"
                            : on.stream().map(p -> p.name() + " (" + p.property() + ")").collect(Collectors.joining(", ")),
                    DemoMode.PROPERTY);
        }
        else {
            log.info("Production mode ({}=false): none of the {} demo parts is on", DemoMode.PROPERTY, parts.size());
        }
    }
}
