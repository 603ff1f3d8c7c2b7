package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingStatus;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantRequest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.shared.Applicant;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a kiosk session did lives only as long as the session: work that finishes after the session
 * ended (a submit, a capture target, a department's answer) leaves nothing of it in memory.
 */
@Hall24IntegrationTest
class KioskFilingsTest {

    static final String KIOSK = "JLP-YJP-GOV-01";

    @Autowired
    KioskFilings filings;
    @Autowired
    KioskSessions sessions;
    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void aSubmitFinishingAfterTheSessionEndedLeavesNothingOfThatSessionInMemory() {
        TestIdentity person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
        UUID session = sessions.current(KIOSK).orElseThrow().id();
        Applicant applicant = new Applicant(person.name(), ChineseIdNumber.of(person.idNumber()));
        UUID draft = UUID.randomUUID();
        Filing filing = new Filing(UUID.randomUUID(), "JLP-YJP-20261203-WJ-000001-X", "WJ-0001", 1, FilingStatus.SUBMITTED,
                applicant, JsonNodeFactory.instance.objectNode(), List.of(), KIOSK, Instant.now(), LocalDate.now(), "JLP-YJP");

        // While the session lives, what it does is kept.
        filings.setCaptureTarget(session, draft, 0);
        assertThat(filings.holds(session)).isTrue();

        sessions.end(session, SessionEnd.INACTIVITY);
        assertThat(filings.holds(session)).as("the end forgets the session").isFalse();

        // A submit that was under way when the session ended finishes now.
        filings.submitted(session, draft, filing);
        filings.setCaptureTarget(session, draft, 1);
        filings.answered(session, new InstantRequest("GJJ-0005", 1, "GJJ", applicant, Map.of(), KIOSK, Locale.SIMPLIFIED_CHINESE),
                InstantAnswer.unavailable(new org.hall24.shared.LocalizedText("查询", "Query")));

        assertThat(filings.holds(session)).as("nothing of the ended session is re-created").isFalse();
        assertThat(filings.owns(session, filing.number())).isFalse();
        assertThat(filings.filingOfDraft(session, draft)).isEmpty();
        assertThat(filings.target(session)).isEmpty();
    }
}
