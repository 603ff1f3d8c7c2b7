package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hall24.device.CardRead;
import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.FaceChecked;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole hall as {@code ./mvnw spring-boot:run} starts it: the embedded broker, the seed
 * devices provisioned with their credentials, the simulator connecting as each of them, and the
 * platform's gateway turning their traffic into live status, events, alerts and command outcomes.
 * Nothing here is mocked; every message crosses the broker.
 */
@Hall24IntegrationTest
@Import(LivingHallTest.Events.class)
class LivingHallTest {


    static final RequestPostProcessor ADMIN = user("operator").roles("ADMIN");

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
        registry.add("hall24.devices.health-check-period", () -> "200ms");
    }

    @TestConfiguration
    static class Events {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals("org.hall24.device")) {
                seen.add(event);
            }
        }
    }

    @Autowired
    Halls halls;

    @Autowired
    DeviceStatuses statuses;

    @Autowired
    DeviceCommands commands;

    @Autowired
    Events events;

    @Autowired
    MockMvc mvc;

    @Autowired
    SimulatorRunner simulator;

    @Autowired
    KioskSessions sessions;

    @Autowired
    JdbcClient jdbc;

    void awaitAllOnline() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(halls.defaultHall().devices())
                .allSatisfy(d -> assertThat(statuses.statusOf(d.code())).as(d.code()).isEqualTo(DeviceStatus.ONLINE)));
    }

    @Test
    void everySeedDeviceComesOnlineOverTheEmbeddedBrokerAndTheGuideShowsIt() throws Exception {
        awaitAllOnline();

        String item = mvc.perform(get("/guide/JLP-YJP/items/GA-0001")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(item).contains("data-status=\"ONLINE\"").doesNotContain("data-status=\"UNKNOWN\"");
        String simulator = mvc.perform(get("/admin/simulator").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(halls.defaultHall().devices()).allSatisfy(d -> assertThat(simulator).contains(d.code()));
    }

    @Test
    void aCardInsertedAtTheSimulatorReachesThePlatformAsACardReadEvent() throws Exception {
        awaitAllOnline();

        mvc.perform(post("/admin/simulator/JLP-YJP-POL-03/card").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/simulator"));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.seen.stream().anyMatch(CardRead.class::isInstance));
        CardRead read = events.seen.stream().filter(CardRead.class::isInstance).map(CardRead.class::cast).findFirst().orElseThrow();
        assertThat(read.deviceCode()).isEqualTo("JLP-YJP-POL-03");
        assertThat(ChineseIdNumber.problemOf(read.card().idNumber(), java.time.LocalDate.now())).isEmpty();
        assertThat(read.toString()).doesNotContain(read.card().idNumber());
    }

    @Test
    void aSimulatedKioskGetsTheSessionNonceAndItsFaceReportForItVerifiesTheSession() throws Exception {
        awaitAllOnline();
        String kiosk = "JLP-YJP-POL-02";

        simulator.simulator().orElseThrow().device(kiosk).readCard();
        KioskSession session = await().atMost(Duration.ofSeconds(10)).until(() -> sessions.current(kiosk), Optional::isPresent)
                .orElseThrow();
        String report = simulator.simulator().orElseThrow().device(kiosk).faceChecked(0.93, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.find(session.id()).map(KioskSession::verified).orElse(false));
        assertThat(events.seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FaceChecked.class, face -> {
            assertThat(face.eventId()).hasToString(report);
            assertThat(face.nonce()).isEqualTo(session.challenge().nonce());
            assertThat(face.cardHash()).isEqualTo(session.challenge().cardHash());
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select outcome from device_command where device_code = ? and type = 'face-check'")
                .param(kiosk).query(String.class).list().contains("OK"));
        sessions.end(session.id(), SessionEnd.STAFF);
    }

    @Test
    void aJammedCabinetDoorFailsTheCommandAndRaisesAnAlert() throws Exception {
        awaitAllOnline();
        PlacedDevice cabinet = halls.defaultHall().devices().stream()
                .filter(d -> d.cabinet() != null).findFirst().orElseThrow();

        CommandOutcome opened = commands.send(cabinet.code(), DeviceCommand.openCompartment("A1"), Duration.ofSeconds(5));
        assertThat(opened.result()).isEqualTo(CommandOutcome.Result.OK);

        mvc.perform(post("/admin/simulator/" + cabinet.code() + "/jam").param("compartment", "B2").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/simulator"));
        CommandOutcome jammed = (CommandOutcome) mvc.perform(post("/admin/devices/" + cabinet.code() + "/commands")
                        .param("type", "OPEN_COMPARTMENT").param("compartment", "B2").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/devices/" + cabinet.code()))
                .andReturn().getFlashMap().get("outcome");

        assertThat(jammed.result()).isEqualTo(CommandOutcome.Result.ERROR);
        assertThat(jammed.code()).isEqualTo("DOOR_JAMMED");
        assertThat(mvc.perform(get("/admin/devices/" + cabinet.code()).with(ADMIN).flashAttr("outcome", jammed))
                .andReturn().getResponse().getContentAsString()).contains("设备报告错误：DOOR_JAMMED");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.seen.stream().anyMatch(e ->
                e instanceof DeviceAlertRaised a && a.kind() == DeviceAlert.DOOR_JAMMED && a.deviceCode().equals(cabinet.code())));
        assertThat(statuses.statusOf(cabinet.code())).isEqualTo(DeviceStatus.FAULT);

        mvc.perform(post("/admin/simulator/" + cabinet.code() + "/clear").with(ADMIN).with(csrf()));
        assertThat(commands.send(cabinet.code(), DeviceCommand.openCompartment("B2"), Duration.ofSeconds(5)).ok()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.statusOf(cabinet.code()) == DeviceStatus.ONLINE);
    }

    @Test
    void theCabinetsScannerReportsWhatItReadAndAKioskHasNoScanner() throws Exception {
        awaitAllOnline();
        String token = "H24C1.k1.AAECAwQFBgcICQoLDA0ODwAAAABpKv5A.c2lnbmF0dXJl";

        mvc.perform(post("/admin/simulator/JLP-YJP-CAB-01/scan").param("code", token).with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/simulator")).andExpect(flash().attribute("done", "scan"));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.seen.stream().anyMatch(e ->
                e instanceof org.hall24.device.CodeScanned scanned && scanned.deviceCode().equals("JLP-YJP-CAB-01")
                        && scanned.code().equals(token)));
        mvc.perform(post("/admin/simulator/JLP-YJP-GOV-01/scan").param("code", "12345678").with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("failed", "scan"));
        mvc.perform(post("/admin/simulator/JLP-YJP-CAB-01/scan").param("code", "取件 码").with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("failed", "scan"));
    }

    @Test
    void aKioskThatDropsOffShowsOfflineWithinTheBoundAndOnlineWhenItReturns() throws Exception {
        awaitAllOnline();

        mvc.perform(post("/admin/simulator/JLP-YJP-TAX-02/offline").with(ADMIN).with(csrf()));
        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.statusOf("JLP-YJP-TAX-02") == DeviceStatus.OFFLINE);
        CommandOutcome refused = commands.send("JLP-YJP-TAX-02", new DeviceCommand(DeviceCommand.Type.LOCK_SCREEN, java.util.Map.of()),
                Duration.ofSeconds(5));
        assertThat(refused.result()).isEqualTo(CommandOutcome.Result.OFFLINE);

        mvc.perform(post("/admin/simulator/JLP-YJP-TAX-02/online").with(ADMIN).with(csrf()));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.statusOf("JLP-YJP-TAX-02") == DeviceStatus.ONLINE);
    }
}
