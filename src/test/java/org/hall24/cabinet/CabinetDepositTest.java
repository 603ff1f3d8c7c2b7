package org.hall24.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.Cookie;

import org.hall24.Hall24IntegrationTest;
import org.hall24.cabinet.internal.CabinetDesk;
import org.hall24.cabinet.internal.CabinetStaff;
import org.hall24.cabinet.internal.PickupDesk;
import org.hall24.cabinet.internal.CabinetDesk.ScreenView;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.PairedScreens;
import org.hall24.kiosk.KioskPairings;
import org.hall24.notifications.internal.staff.ContactInput;
import org.hall24.notifications.internal.staff.StaffContacts;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.SimulatedSmsc;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.KioskVisit;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paper through the cabinet over the real broker: a deposit token presented at the cabinet — read by
 * its QR scanner or typed on its screen — opens its reserved compartment with {@code open-compartment};
 * the simulated cabinet's door and item sensor confirm the deposit; the collectors of the department are
 * texted through the simulated carrier's SMSC; the custody chain records it. And each fault: a replayed
 * token, a jammed door, a door closed on an empty compartment, a door left open, too many bad codes.
 */
@Hall24IntegrationTest(properties = {"hall24.sms.provider=smpp", "hall24.embedded-db.data-dir=target/test-pg/cabinet-doors-${random.uuid}",
        "hall24.simulator.smsc.receipt-delay=100ms", "hall24.cabinet.doors.close-reminder=1s", "hall24.devices.door-open-alert-after=2s",
        "hall24.devices.health-check-period=200ms", "hall24.cabinet.doors.refusals-per-screen=3",
        "hall24.cabinet.pickup.remind-after=4s", "hall24.cabinet.pickup.return-after=30s", "hall24.cabinet.pickup.check=500ms",
        "hall24.cabinet.pickup.identity-attempts=2"})
@Import(CabinetDepositTest.Events.class)
class CabinetDepositTest {

    static final String CABINET = "JLP-YJP-CAB-01";
    static final String COLLECTOR_PHONE = "13900000071";
    /** The demo account collector-sw's phone. */
    static final String SW_COLLECTOR_ACCOUNT_PHONE = "13900000003";

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
    }

    @TestConfiguration
    static class Events {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PaperDeposited event) {
            seen.add(event);
        }

        @EventListener
        void on(DeviceAlertRaised event) {
            seen.add(event);
        }
    }

    @Autowired
    Cabinets cabinets;
    @Autowired
    CabinetDeposits deposits;
    @Autowired
    CabinetPickups pickups;
    @Autowired
    PickupDesk pickupDesk;
    @Autowired
    org.hall24.applications.Applications applications;
    @Autowired
    CabinetStaff staff;
    @Autowired
    org.hall24.identity.KioskSessions sessions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @org.springframework.beans.factory.annotation.Value("${hall24.identity.face.report-key}")
    String faceReportKey;
    @Autowired
    CabinetTokens tokens;
    @Autowired
    Custody custody;
    @Autowired
    CabinetDesk desk;
    @Autowired
    SimulatorRunner simulator;
    @Autowired
    DeviceStatuses statuses;
    @Autowired
    SimulatedSmsc smsc;
    @Autowired
    StaffContacts contacts;
    @Autowired
    KioskPairings pairings;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Events events;

    SimulatedDevice cabinet;
    static final java.util.concurrent.atomic.AtomicInteger filings = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void cabinetOnline() {
        // Connected; a jam left by an earlier test keeps it in FAULT until an operator clears the alert, which takes no door away.
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.statusOf(CABINET) == DeviceStatus.ONLINE
                || statuses.statusOf(CABINET) == DeviceStatus.FAULT);
        cabinet = simulator.simulator().orElseThrow().device(CABINET);
        if (contacts.audience(org.hall24.notifications.StaffAudience.collectors("SW", "JLP-YJP")).stream()
                .noneMatch(c -> c.phone().value().equals(COLLECTOR_PHONE))) {
            contacts.create(new ContactInput("测试收件人", "COLLECTOR", "SW", "JLP-YJP", COLLECTOR_PHONE, null, "00:00", "00:00", true),
                    "test");
        }
    }

    @AfterEach
    void clearFaults() {
        cabinet.clearFaults();
        desk.clear(CABINET);
        jdbc.sql("delete from platform_rate_limit where key like 'cabinet-screen-refusals%'").update();
    }

    /** A reservation with its token, as a kiosk's submission makes it. */
    CabinetTokens.Issued deposit(String filing) {
        Reservation r = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, filing, "SW", "M", Duration.ofHours(24)).orElseThrow();
        custody.record(new CustodyRecord(Envelope.paper(filing), CustodyStep.RESERVED, "kiosk:JLP-YJP-GOV-01", CABINET, r.compartment(), null));
        return tokens.issue(r);
    }

    String filing() {
        return "JLP-YJP-20261205-SW-" + String.format("%06d", filings.incrementAndGet()) + "-" + System.nanoTime() % 10;
    }

    String compartmentOf(CabinetTokens.Issued issued) {
        return jdbc.sql("select compartment from cabinet_reservation where id = ?").param(issued.reservation()).query(String.class).single();
    }

    String compartmentState(String compartment) {
        return jdbc.sql("select state from cabinet_compartment where cabinet_code = ? and name = ?").params(CABINET, compartment)
                .query(String.class).single();
    }

    @Test
    void aScannedQrOpensTheReservedDoorTheSensorConfirmsTheDepositAndTheCollectorsAreTexted() {
        String filing = filing();
        CabinetTokens.Issued issued = deposit(filing);
        String door = compartmentOf(issued);

        cabinet.scan(issued.qr());

        await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(door).equals("OCCUPIED"));
        assertThat(jdbc.sql("select occupied_by from cabinet_compartment where cabinet_code = ? and name = ?").params(CABINET, door)
                .query(String.class).single()).isEqualTo("paper:" + filing);
        assertThat(desk.view(CABINET).kind()).isEqualTo(ScreenView.Kind.DEPOSITED);
        assertThat(desk.view(CABINET).compartment()).isEqualTo(door);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.seen.stream()
                .anyMatch(e -> e instanceof PaperDeposited p && p.filingNumber().equals(filing) && p.compartment().equals(door)));
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step).containsExactly(CustodyStep.RESERVED, CustodyStep.DEPOSITED);
        assertThat(custody.verify(filing).intact()).isTrue();

        String sms = await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages(COLLECTOR_PHONE).stream()
                .map(m -> m.text()).filter(t -> t.contains(filing)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(sms).contains(filing).contains(door).contains("智能文件柜").doesNotContain("身份证");

        cabinet.scan(issued.qr());
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.view(CABINET).kind() == ScreenView.Kind.REFUSED);
        assertThat(desk.view(CABINET).detail()).as("a replayed token").isEqualTo("USED");
    }

    @Test
    void theShortCodeTypedOnThePairedScreenOpensTheDoorAndTheScreenSaysWhichOne() throws Exception {
        Cookie screen = pairedScreen();
        CabinetTokens.Issued issued = deposit(filing());
        String door = compartmentOf(issued);

        assertThat(mvc.perform(get("/cabinet").cookie(screen)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("请扫描回执上的二维码");
        mvc.perform(post("/cabinet/code").param("code", issued.shortCode()).cookie(screen).with(csrf()))
                .andExpect(redirectedUrl("/cabinet"));

        await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(door).equals("OCCUPIED"));
        String page = mvc.perform(get("/cabinet/status").cookie(screen)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-kind=\"DEPOSITED\"").contains("投递成功").contains(door);
    }

    @Test
    void aBrowserNotPairedWithTheCabinetGetsTheNotPairedPageAndAKioskPairingDoesNotOpenIt() throws Exception {
        mvc.perform(get("/cabinet")).andExpect(status().isForbidden());
        var code = pairings.issueCode("JLP-YJP-GOV-01", "admin");
        String token = ((KioskPairings.Paired) pairings.pair(code.code(), "test", "127.0.0.9")).token();
        String page = mvc.perform(get("/cabinet").cookie(new Cookie(PairedScreens.COOKIE, token))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本浏览器尚未与智能文件柜配对");
    }

    @Test
    void aTypedCodeThatIsNotEightDigitsIsRefusedBesideTheField() throws Exception {
        String page = mvc.perform(post("/cabinet/code").param("code", "12ab").cookie(pairedScreen()).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"code-error\"").contains("请输入8位数字的投递码").contains("aria-invalid=\"true\"");
    }

    @Test
    void aJammedDoorGoesOutOfOrderAndAnotherFreeCompartmentIsOpenedInstead() {
        String filing = filing();
        CabinetTokens.Issued issued = deposit(filing);
        String jammed = compartmentOf(issued);
        cabinet.jamDoor(jammed);

        desk.present(CABINET, issued.shortCode(), "keypad");

        await().atMost(Duration.ofSeconds(15)).until(() -> !compartmentOf(issued).equals(jammed)
                && compartmentState(compartmentOf(issued)).equals("OCCUPIED"));
        String instead = compartmentOf(issued);
        assertThat(compartmentState(jammed)).isEqualTo("OUT_OF_ORDER");
        ScreenView view = desk.view(CABINET);
        assertThat(view.kind()).isEqualTo(ScreenView.Kind.DEPOSITED);
        assertThat(view.compartment()).isEqualTo(instead);
        assertThat(view.movedFrom()).isEqualTo(jammed);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.seen.stream()
                .anyMatch(e -> e instanceof DeviceAlertRaised a && a.kind() == DeviceAlert.DOOR_JAMMED && a.detail().equals(jammed)));
        assertThat(custody.chain(filing)).last().satisfies(e -> {
            assertThat(e.step()).isEqualTo(CustodyStep.DEPOSITED);
            assertThat(e.compartment()).isEqualTo(instead);
        });
        cabinets.backInService(CABINET, jammed, "test");
    }

    @Test
    void aDoorClosedOnAnEmptyCompartmentConfirmsNothingAndTheTokenWorksAgainForTheGrace() {
        String filing = filing();
        CabinetTokens.Issued issued = deposit(filing);
        String door = compartmentOf(issued);
        cabinet.leaveDoorOpen(door);

        desk.present(CABINET, issued.shortCode(), "keypad");
        await().atMost(Duration.ofSeconds(10)).until(() -> cabinet.openDoors().contains(door));
        cabinet.closeDoor(door, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> desk.view(CABINET).kind() == ScreenView.Kind.EMPTY);
        assertThat(compartmentState(door)).isEqualTo("RESERVED");
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step).containsExactly(CustodyStep.RESERVED);

        cabinet.clearFaults();
        desk.present(CABINET, issued.qr(), "scanner");
        await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(door).equals("OCCUPIED"));
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step).containsExactly(CustodyStep.RESERVED, CustodyStep.DEPOSITED);
    }

    @Test
    void aDoorLeftOpenIsNotADepositTheScreenAsksToCloseItAndTheOperatorIsAlerted() {
        CabinetTokens.Issued issued = deposit(filing());
        String door = compartmentOf(issued);
        cabinet.leaveDoorOpen(door);

        desk.present(CABINET, issued.shortCode(), "keypad");

        await().atMost(Duration.ofSeconds(10)).until(() -> desk.view(CABINET).closeNow());
        assertThat(desk.view(CABINET).kind()).isEqualTo(ScreenView.Kind.OPEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.seen.stream()
                .anyMatch(e -> e instanceof DeviceAlertRaised a && a.kind() == DeviceAlert.DOOR_LEFT_OPEN && a.detail().equals(door)));
        assertThat(compartmentState(door)).as("not a deposit while open").isEqualTo("RESERVED");

        cabinet.closeDoor(door, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> compartmentState(door).equals("OCCUPIED"));
    }

    @Test
    void tooManyBadCodesPauseTheScreenEvenForAGoodOne() {
        CabinetTokens.Issued good = deposit(filing());
        for (int i = 0; i < 3; i++) {
            assertThat(desk.present(CABINET, String.format("%08d", 10_000_000 + i), "keypad").kind()).isEqualTo(ScreenView.Kind.REFUSED);
        }

        ScreenView paused = desk.present(CABINET, good.shortCode(), "keypad");

        assertThat(paused.kind()).isEqualTo(ScreenView.Kind.LOCKED);
        assertThat(paused.seconds()).isPositive();
        assertThat(jdbc.sql("select state from cabinet_reservation where id = ?").param(good.reservation()).query(String.class).single())
                .as("the good token was not even checked").isEqualTo("ACTIVE");
    }

    @Test
    void aCollectorSignsInWithPasswordAndTextedCodeSeesOnlyTheirDepartmentAndCollectsTheBag() throws Exception {
        Cookie screen = pairedScreen();
        String filing = filing();
        CabinetTokens.Issued issued = deposit(filing);
        String door = compartmentOf(issued);
        Reservation other = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, filing() + "-WJ", "WJ", "M", Duration.ofHours(1))
                .orElseThrow();
        desk.present(CABINET, issued.shortCode(), "keypad");
        await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(door).equals("OCCUPIED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> desk.view(CABINET).kind() == ScreenView.Kind.DEPOSITED);

        String wrong = mvc.perform(post("/cabinet/staff/password").param("username", "collector-sw").param("password", "not it")
                .cookie(screen).with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("用户名或密码不正确");

        int before = smsc.messages(SW_COLLECTOR_ACCOUNT_PHONE).size();
        String codePage = mvc.perform(post("/cabinet/staff/password").param("username", "collector-sw")
                .param("password", "hall24-demo-collector").cookie(screen).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(codePage).contains("139****0003");
        String attempt = codePage.replaceAll("(?s).*name=\"attempt\" value=\"([0-9a-f-]{36})\".*", "$1");
        String text = await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages(SW_COLLECTOR_ACCOUNT_PHONE), m -> m.size() > before)
                .get(before).text();
        String code = text.replaceAll("(?s).*?(\\d{6}).*", "$1");

        var signedIn = mvc.perform(post("/cabinet/staff/code").param("attempt", attempt).param("code", code).cookie(screen).with(csrf()))
                .andExpect(redirectedUrl("/cabinet/staff/deposits")).andReturn().getResponse();
        Cookie staff = new Cookie("HALL24_CABINET_STAFF", signedIn.getHeader("Set-Cookie").replaceAll("^HALL24_CABINET_STAFF=([^;]+);.*", "$1"));

        String list = mvc.perform(get("/cabinet/staff/deposits").cookie(screen, staff)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains(filing).contains(door).doesNotContain(other.compartment() + "\"");

        mvc.perform(post("/cabinet/staff/collect").param("compartment", other.compartment()).cookie(screen, staff).with(csrf()))
                .andExpect(redirectedUrl("/cabinet/staff/deposits"));
        assertThat(compartmentState(other.compartment())).as("another department's door stays shut").isEqualTo("RESERVED");

        mvc.perform(post("/cabinet/staff/collect").param("compartment", door).cookie(screen, staff).with(csrf()))
                .andExpect(redirectedUrl("/cabinet/staff/deposits"));
        await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(door).equals("FREE"));
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step)
                .containsExactly(CustodyStep.RESERVED, CustodyStep.DEPOSITED, CustodyStep.COLLECTED);
        assertThat(custody.chain(filing)).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("staff:collector-sw");
            assertThat(e.compartment()).isEqualTo(door);
        });
        assertThat(custody.verify(filing).intact()).isTrue();

        mvc.perform(post("/cabinet/staff/sign-out").cookie(screen, staff).with(csrf())).andExpect(redirectedUrl("/cabinet"));
        mvc.perform(get("/cabinet/staff/deposits").cookie(screen, staff)).andExpect(redirectedUrl("/cabinet/staff"));
        cabinets.cancel(other.id(), "test");
    }

    @Test
    void theWholePathFromKioskSubmitToTheCollectorWithAVerifiedChain() throws Exception {
        KioskVisit visit = new KioskVisit(mvc, pairings, sessions, "JLP-YJP-POL-01").identify(publisher, faceReportKey);
        String citizenPhone = "13700001" + String.format("%03d", (int) (System.nanoTime() % 1000));
        try {
            String form = visit.redirect(post("/kiosk/items/GA-0041/start").with(csrf()));
            String draft = form.substring(0, form.lastIndexOf('/'));
            assertThat(visit.redirect(post(form).param("reason", "VOLUNTARY").param("phone", citizenPhone).with(csrf())))
                    .isEqualTo(draft + "/materials");
            assertThat(visit.redirect(post(draft + "/materials/done").with(csrf()))).isEqualTo(draft + "/phone");
            int before = smsc.messages(citizenPhone).size();
            visit.page(post(draft + "/phone/send").with(csrf()));
            String text = await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages(citizenPhone), m -> m.size() > before)
                    .get(before).text();
            String code = text.replaceAll("(?s).*?(\\d{6}).*", "$1");
            assertThat(visit.redirect(post(draft + "/phone/verify").param("code", code).with(csrf()))).isEqualTo(draft + "/review");

            String review = visit.screen(draft + "/review");
            assertThat(review).as("said before submitting").contains("data-cabinet=\"AVAILABLE\"").contains("投递二维码");

            String receiptPath = visit.redirect(post(draft + "/submit").with(csrf()));
            String number = receiptPath.substring("/kiosk/filings/".length());
            CabinetDeposits.Ready ready = deposits.tokenOf(number).orElseThrow();
            String receipt = visit.screen(receiptPath);
            String shown = ready.token().shortCode().substring(0, 4) + " " + ready.token().shortCode().substring(4);
            assertThat(receipt).contains("id=\"deposit-qr\"").contains(shown).contains(ready.compartment()).contains("机动车驾驶证")
                    .contains("智能文件柜");
            assertThat(custody.chain(number)).extracting(CustodyEntry::step).containsExactly(CustodyStep.RESERVED);
            assertThat(custody.chain(number).get(0).actor()).isEqualTo("kiosk:JLP-YJP-POL-01");
            String pdf = pdfText(visit.bytes(receiptPath + "/receipt.pdf"));
            assertThat(pdf).contains(ready.compartment()).contains(shown).contains("投递码");

            cabinet.scan(ready.token().qr());
            await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(ready.compartment()).equals("OCCUPIED"));
            assertThat(deposits.tokenOf(number)).as("used up").isEmpty();
            assertThat(deposits.depositOf(number)).hasValueSatisfying(d -> assertThat(d.compartment()).isEqualTo(ready.compartment()));
            String gaCollector = "13900000015";
            String sms = await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages(gaCollector).stream().map(m -> m.text())
                    .filter(t -> t.contains(number)).findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertThat(sms).contains(ready.compartment()).contains("机动车驾驶证注销").doesNotContain(citizenPhone);

            java.util.function.Supplier<List<String>> signInTexts = () -> smsc.messages(gaCollector).stream().map(m -> m.text())
                    .filter(t -> t.contains("登录")).toList();
            int had = signInTexts.get().size();
            var collector = staff.checkPassword(CABINET, "collector-ga", "hall24-demo-collector", "10.9.9.9");
            assertThat(collector).isInstanceOf(CabinetStaff.CodeSent.class);
            List<String> texts = await().atMost(Duration.ofSeconds(15)).until(signInTexts::get, t -> t.size() > had);
            String signInText = texts.get(texts.size() - 1);
            var in = staff.checkCode(CABINET, ((CabinetStaff.CodeSent) collector).attempt(), signInText.replaceAll("(?s).*?(\\d{6}).*", "$1"));
            assertThat(in).isInstanceOf(CabinetStaff.SignedIn.class);
            CabinetStaff.StaffAtCabinet ga = ((CabinetStaff.SignedIn) in).staff();
            assertThat(staff.waiting(CABINET, ga)).extracting(CabinetStaff.Waiting::filingNumber).contains(number);
            staff.collect(CABINET, ga, ready.compartment());
            await().atMost(Duration.ofSeconds(15)).until(() -> compartmentState(ready.compartment()).equals("FREE"));
            assertThat(custody.chain(number)).extracting(CustodyEntry::step)
                    .containsExactly(CustodyStep.RESERVED, CustodyStep.DEPOSITED, CustodyStep.COLLECTED);
            assertThat(custody.verify(number).intact()).isTrue();

            // The department decides; the result comes back through the cabinet.
            for (var to : List.of(org.hall24.applications.FilingStatus.ACCEPTED, org.hall24.applications.FilingStatus.IN_REVIEW,
                    org.hall24.applications.FilingStatus.APPROVED)) {
                applications.transition(number, to, "test", "");
            }
            mvc.perform(post("/admin/filings/{n}/result/cabinet", number).with(org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")).with(csrf()))
                    .andExpect(redirectedUrl("/admin/filings/" + number));
            CabinetPickups.Pickup held = pickups.pickupOf(number).orElseThrow();
            assertThat(held.state()).isEqualTo(CabinetPickups.State.WAITING_PLACE);
            String resultDoor = held.compartment();
            assertThat(pickupDesk.toPlace(CABINET, ga)).extracting(PickupDesk.StaffTask::filingNumber).contains(number);

            pickupDesk.place(CABINET, ga, resultDoor);
            await().atMost(Duration.ofSeconds(15)).until(() -> pickups.pickupOf(number).orElseThrow().state() == CabinetPickups.State.READY);
            assertThat(compartmentState(resultDoor)).isEqualTo("OCCUPIED");
            String pickupSms = textTo(citizenPhone, "取件码");
            String pickupCode = pickupSms.replaceAll("(?s).*取件码(\\d{8}).*", "$1");
            staff.signOut(CABINET, ((CabinetStaff.SignedIn) in).token());

            // At the cabinet: the code, then the second factor, typed on the screen.
            Cookie screen = pairedScreen();
            mvc.perform(post("/cabinet/code").param("code", pickupCode).cookie(screen).with(csrf())).andExpect(redirectedUrl("/cabinet"));
            String asks = mvc.perform(get("/cabinet/status").cookie(screen)).andReturn().getResponse().getContentAsString();
            assertThat(asks).contains("data-kind=\"IDENTIFY\"").contains("身份证号码的后6位").doesNotContain(resultDoor + " 格");
            String refused = mvc.perform(post("/cabinet/pickup/identity").param("lastSix", "12a").cookie(screen).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("id=\"identity-error\"");
            String idNumber = visit.person().idNumber();
            mvc.perform(post("/cabinet/pickup/identity").param("lastSix", idNumber.substring(12)).cookie(screen).with(csrf()))
                    .andExpect(redirectedUrl("/cabinet"));
            await().atMost(Duration.ofSeconds(15)).until(() -> pickups.pickupOf(number).orElseThrow().state() == CabinetPickups.State.PICKED_UP);
            assertThat(compartmentState(resultDoor)).isEqualTo("FREE");
            assertThat(desk.view(CABINET).kind()).isEqualTo(ScreenView.Kind.PICKED_UP);
            assertThat(custody.chain(number)).filteredOn(e -> e.envelope().startsWith("result:")).extracting(CustodyEntry::step)
                    .containsExactly(CustodyStep.RESERVED, CustodyStep.RESULT_PLACED, CustodyStep.PICKED_UP);
            assertThat(custody.verify(number).intact()).isTrue();

            desk.clear(CABINET);
            assertThat(desk.present(CABINET, pickupCode, "keypad").detail()).as("a pickup code opens once").isEqualTo("USED");
        }
        finally {
            visit.end();
        }
    }

    /** A held result placed by the GA collector; the pickup code texted to {@code phone}. */
    String placedResult(String filing, String phone, String idNumber) {
        var reserved = pickups.reserve("JLP-YJP", filing, "GA-0041", org.hall24.shared.MobileNumber.of(phone),
                org.hall24.shared.ChineseIdNumber.of(idNumber), java.util.Locale.SIMPLIFIED_CHINESE, "staff:test");
        assertThat(reserved).isInstanceOf(CabinetPickups.Held.class);
        String door = ((CabinetPickups.Held) reserved).compartment();
        CabinetStaff.StaffAtCabinet ga = new CabinetStaff.StaffAtCabinet("collector-ga", "GA", java.util.Set.of("GA"));
        pickupDesk.place(CABINET, ga, door);
        await().atMost(Duration.ofSeconds(15)).until(() -> pickups.pickupOf(filing).orElseThrow().state() == CabinetPickups.State.READY);
        String sms = textTo(phone, "取件码");
        return sms.replaceAll("(?s).*取件码(\\d{8}).*", "$1");
    }

    /** The first text to {@code phone} that contains {@code part}, once the simulated SMSC has it. */
    String textTo(String phone, String part) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> smsc.messages(phone).stream().anyMatch(m -> m.text().contains(part)));
        }
        catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no text with " + part + " to " + phone + "; it has: "
                    + smsc.messages(phone).stream().map(m -> m.text()).toList(), e);
        }
        return smsc.messages(phone).stream().map(m -> m.text()).filter(t -> t.contains(part)).findFirst().orElseThrow();
    }

    static String idNumber(int serial) {
        String first17 = "50010719800101" + String.format("%03d", serial % 1000);
        return first17 + org.hall24.shared.ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void anIdCardOnTheCabinetsReaderIsTheSecondFactorTooAndAWrongOneDoesNotOpen() {
        String filing = filing().replace("-SW-", "-GA-");
        String id = idNumber(filings.incrementAndGet());
        String code = placedResult(filing, "13700002" + String.format("%03d", filings.get() % 1000), id);
        String door = pickups.pickupOf(filing).orElseThrow().compartment();

        assertThat(desk.present(CABINET, code, "keypad").kind()).isEqualTo(ScreenView.Kind.IDENTIFY);
        publisher.publishEvent(new org.hall24.device.CardRead(CABINET, java.util.UUID.randomUUID(), java.time.Instant.now(),
                card(idNumber(filings.incrementAndGet()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.view(CABINET).kind() == ScreenView.Kind.REFUSED);
        assertThat(desk.view(CABINET).detail()).isEqualTo("IDENTITY_WRONG");
        assertThat(compartmentState(door)).isEqualTo("OCCUPIED");

        assertThat(desk.present(CABINET, code, "keypad").kind()).isEqualTo(ScreenView.Kind.IDENTIFY);
        publisher.publishEvent(new org.hall24.device.CardRead(CABINET, java.util.UUID.randomUUID(), java.time.Instant.now(), card(id)));
        await().atMost(Duration.ofSeconds(15)).until(() -> pickups.pickupOf(filing).orElseThrow().state() == CabinetPickups.State.PICKED_UP);
        assertThat(compartmentState(door)).isEqualTo("FREE");
    }

    static org.hall24.device.IdCard card(String idNumber) {
        return new org.hall24.device.IdCard("测试", "男", "汉", "1980-01-01", "重庆市九龙坡区", idNumber, "九龙坡分局", "2020-01-01", "2040-01-01",
                new byte[0]);
    }

    @Test
    void tooManyWrongIdentityAnswersSendTheResultBackToTheCounterAndTheCollectorTakesItOut() {
        String filing = filing().replace("-SW-", "-GA-");
        String phone = "13700003" + String.format("%03d", filings.incrementAndGet() % 1000);
        String code = placedResult(filing, phone, idNumber(filings.get()));
        String door = pickups.pickupOf(filing).orElseThrow().compartment();

        for (int i = 0; i < 2; i++) {
            assertThat(desk.present(CABINET, code, "keypad").kind()).isEqualTo(ScreenView.Kind.IDENTIFY);
            assertThat(pickupDesk.confirm(CABINET, "00000X", "keypad")).isIn(PickupDesk.Identified.WRONG, PickupDesk.Identified.BLOCKED);
        }
        assertThat(pickups.pickupOf(filing).orElseThrow().state()).isEqualTo(CabinetPickups.State.TO_RETURN);
        assertThat(desk.view(CABINET).detail()).isEqualTo("IDENTITY_BLOCKED");
        desk.clear(CABINET);
        assertThat(desk.present(CABINET, code, "keypad").detail()).as("the code no longer works").isIn("USED", "EXPIRED");
        assertThat(compartmentState(door)).isEqualTo("OCCUPIED");

        CabinetStaff.StaffAtCabinet ga = new CabinetStaff.StaffAtCabinet("collector-ga", "GA", java.util.Set.of("GA"));
        assertThat(pickupDesk.toReturn(CABINET, ga)).extracting(PickupDesk.StaffTask::filingNumber).contains(filing);
        pickupDesk.takeBack(CABINET, ga, door);
        await().atMost(Duration.ofSeconds(15)).until(() -> pickups.pickupOf(filing).orElseThrow().state() == CabinetPickups.State.RETURNED);
        assertThat(compartmentState(door)).isEqualTo("FREE");
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step)
                .containsExactly(CustodyStep.RESERVED, CustodyStep.RESULT_PLACED, CustodyStep.RETURNED_TO_COUNTER);
        await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages(phone).stream().anyMatch(m -> m.text().contains("退回")));
    }

    @Test
    void aResultNotPickedUpIsRemindedAndThenGoesBackToTheCounterWithTheCollectorsTexted() {
        String filing = filing().replace("-SW-", "-GA-");
        String phone = "13700004" + String.format("%03d", filings.incrementAndGet() % 1000);
        placedResult(filing, phone, idNumber(filings.get()));

        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.messages(phone).stream().anyMatch(m -> m.text().contains("仍在")));
        assertThat(pickups.pickupOf(filing).orElseThrow().state()).as("reminded, still waiting").isEqualTo(CabinetPickups.State.READY);
        await().atMost(Duration.ofSeconds(60)).until(() -> pickups.pickupOf(filing).orElseThrow().state() == CabinetPickups.State.TO_RETURN);
        await().atMost(Duration.ofSeconds(15)).until(() -> smsc.messages("13900000015").stream()
                .anyMatch(m -> m.text().contains(filing) && m.text().contains("退回")));
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    Cookie pairedScreen() {
        var code = pairings.issueCode(CABINET, "admin");
        var paired = pairings.pair(code.code(), "cabinet screen", "127.0.0.8");
        assertThat(paired).isInstanceOf(KioskPairings.Paired.class);
        return new Cookie(PairedScreens.COOKIE, ((KioskPairings.Paired) paired).token());
    }
}
