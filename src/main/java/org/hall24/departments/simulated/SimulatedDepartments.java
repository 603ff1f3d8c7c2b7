package org.hall24.departments.simulated;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.ServiceItem;
import org.hall24.departments.DepartmentGateway;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantRequest;
import org.hall24.platform.DisplayTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Simulated department systems for the demo and the tests ({@code hall24.departments.simulated=true},
 * the default): the provident fund, social and medical insurance, real estate and tax backends, and
 * a generic answer for every other instant item. Answers depend only on the person's ID number, the
 * item, the form and the day, so the same person gets the same answer; about one person in ten is
 * known to no department (NO_RECORD).
 * <p>
 * Departments listed in {@code hall24.departments.unavailable} (codes, or {@code ALL}), or switched
 * off with {@link #makeUnavailable(String...)}, answer UNAVAILABLE, as a real backend that is down.
 * Every answer is {@linkplain InstantAnswer#simulated() marked simulated}.
 */
@Component
@ConditionalOnProperty(name = "hall24.departments.simulated", havingValue = "true", matchIfMissing = true)
public class SimulatedDepartments implements DepartmentGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDepartments.class);
    static final String ALL = "ALL";

    private final Catalog catalog;
    private final Clock clock;
    private final DisplayTime displayTime;
    private final List<Backend> backends = List.of(new ProvidentFundBackend(), new SocialInsuranceBackend(), new RealEstateBackend(),
            new TaxBackend());
    private final Backend generic = new GenericBackend();
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    SimulatedDepartments(Catalog catalog, Clock clock, DisplayTime displayTime,
            @Value("${hall24.departments.unavailable:}") List<String> unavailable) {
        this.catalog = catalog;
        this.clock = clock;
        this.displayTime = displayTime;
        unavailable.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(this.unavailable::add);
    }

    @Override
    public InstantAnswer answer(InstantRequest request) {
        ServiceItem item = catalog.item(request.itemCode(), request.itemVersion())
                .orElseThrow(() -> new IllegalArgumentException("no item " + request.itemCode() + " v" + request.itemVersion()));
        if (item.handlingType() != HandlingType.INSTANT) {
            throw new IllegalArgumentException(request.itemCode() + " is not an instant item");
        }
        if (!item.department().equals(request.departmentCode())) {
            throw new IllegalArgumentException(request.itemCode() + " belongs to " + item.department() + ", not " + request.departmentCode());
        }
        if (unavailable.contains(ALL) || unavailable.contains(item.department())) {
            log.info("Simulated department {} is unavailable; {} answered UNAVAILABLE", item.department(), item.code());
            return InstantAnswer.unavailable(item.name()).asSimulated();
        }
        LocalDate today = clock.instant().atZone(displayTime.zone()).toLocalDate();
        Ask ask = new Ask(request, item, new Person(request.applicant().idNumber()), today);
        Optional<InstantAnswer> answer = backends.stream().filter(b -> b.departments().contains(item.department())).findFirst()
                .flatMap(b -> b.answer(ask));
        InstantAnswer result = answer.or(() -> generic.answer(ask)).orElseThrow().asSimulated();
        log.debug("Simulated department {} answered {} for {}: {}", item.department(), item.code(), request.applicant(), result.outcome());
        return result;
    }

    /** Makes departments (codes, or {@code ALL}) answer UNAVAILABLE until {@link #makeAvailable()}. */
    public void makeUnavailable(String... departmentCodes) {
        for (String code : departmentCodes) {
            unavailable.add(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Every department answers again. */
    public void makeAvailable() {
        unavailable.clear();
    }
}
