package org.hall24.hall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ItemQuery;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@Hall24IntegrationTest
@AutoConfigureMockMvc
class ApiHallsTest {

    static final String SEED_HALL = "JLP-YJP";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Halls halls;

    @Autowired
    DeviceStatuses statuses;

    @Autowired
    Catalog catalog;

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange();
    }

    private Hall seedHall() {
        return halls.hall(SEED_HALL).orElseThrow();
    }

    private PlacedDevice firstDeviceOf(DeviceType type) {
        return seedHall().devices().stream().filter(d -> d.type() == type).findFirst().orElseThrow();
    }

    @Test
    void hallsListIncludesTheSeedHallOf206SquareMetresWithItsDeviceCount() {
        MvcTestResult result = get("/api/v1/halls");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
                .containsExactlyElementsOf(halls.all().stream().map(Hall::code).toList())
                .contains(SEED_HALL);
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'JLP-YJP')].areaSquareMeters").asArray()
                .containsExactly(206);
        assertThat(result).bodyJson().extractingPath("$[?(@.code == 'JLP-YJP')].deviceCount").asArray()
                .containsExactly(seedHall().devices().size());
    }

    @Test
    void oneHallHasItsZonesAndEveryDeviceWithItsStatus() {
        Hall hall = seedHall();
        assertThat(hall.devices()).isNotEmpty();

        MvcTestResult result = get("/api/v1/halls/" + SEED_HALL);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.areaSquareMeters").asNumber().isEqualTo(206);
        assertThat(result).bodyJson().extractingPath("$.name.zh").isEqualTo(hall.name().zh());
        assertThat(result).bodyJson().extractingPath("$.zones[*].code").asArray()
                .containsExactlyElementsOf(hall.zones().stream().map(z -> z.code()).toList());
        assertThat(result).bodyJson().extractingPath("$.devices[*].code").asArray()
                .containsExactlyElementsOf(hall.devices().stream().map(PlacedDevice::code).toList());
        assertThat(result).bodyJson().extractingPath("$.devices[*].status").asArray()
                .containsExactlyElementsOf(hall.devices().stream().map(d -> statuses.statusOf(d.code()).name()).toList());
    }

    @Test
    void unknownHallIsNotFoundAsProblem() {
        MvcTestResult result = get("/api/v1/halls/NOPE");

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("NOPE");
    }

    @Test
    void devicesOfAHallAreAllItsDevices() {
        MvcTestResult result = get("/api/v1/devices?hall=" + SEED_HALL);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
                .containsExactlyElementsOf(seedHall().devices().stream().map(PlacedDevice::code).toList());
        assertThat(result).bodyJson().extractingPath("$[*].hall").asArray().containsOnly(SEED_HALL);
    }

    @Test
    void typeFilterReturnsOnlyDevicesOfThatType() {
        List<String> police = halls.all().stream().flatMap(h -> h.devices().stream())
                .filter(d -> d.type() == DeviceType.POLICE_KIOSK).map(PlacedDevice::code).toList();
        assertThat(police).isNotEmpty();

        MvcTestResult result = get("/api/v1/devices?type=POLICE_KIOSK");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$[*].code").asArray().containsExactlyElementsOf(police);
        assertThat(result).bodyJson().extractingPath("$[*].type").asArray().containsOnly("POLICE_KIOSK");
    }

    @Test
    void deviceThatNeverReportedHasStatusUnknown() {
        PlacedDevice device = firstDeviceOf(DeviceType.POLICE_KIOSK);

        MvcTestResult result = get("/api/v1/devices/" + device.code());

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(device.code());
        assertThat(result).bodyJson().extractingPath("$.hall").isEqualTo(SEED_HALL);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("POLICE_KIOSK");
        assertThat(result).bodyJson().extractingPath("$.zone").isEqualTo(device.zone());
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(DeviceStatus.UNKNOWN.name());
    }

    @Test
    void thePublicDeviceJsonHasNoSerialNumber() {
        PlacedDevice device = firstDeviceOf(DeviceType.POLICE_KIOSK);

        for (String uri : List.of("/api/v1/devices/" + device.code(), "/api/v1/devices", "/api/v1/halls/" + SEED_HALL)) {
            MvcTestResult result = get(uri);

            assertThat(result).hasStatusOk();
            assertThat(result).bodyText().doesNotContain("serial", device.serial());
        }
    }

    @Test
    void unknownDeviceIsNotFoundAsProblem() {
        MvcTestResult result = get("/api/v1/devices/NOPE-01");

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "?{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hall=NOPE     | hall
            type=TOASTER  | type
            hal=JLP-YJP   | hal
            """)
    void badDeviceFilterIsRefusedAsProblemNamingIt(String query, String parameter) {
        MvcTestResult result = get("/api/v1/devices?" + query);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly(parameter);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(parameter);
    }

    @Test
    void parameterOnAnEndpointThatTakesNoneIsRefused() {
        MvcTestResult result = get("/api/v1/halls?code=" + SEED_HALL);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("code");
    }

    @Test
    void unknownHallAndTypeAreBothNamed() {
        MvcTestResult result = get("/api/v1/devices?hall=NOPE&type=TOASTER");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray()
                .containsExactlyInAnyOrder("hall", "type");
    }

    @Test
    void deviceItemsAreTheItemsItsTypeHandles() {
        PlacedDevice device = firstDeviceOf(DeviceType.POLICE_KIOSK);
        var expected = catalog.search(new ItemQuery(null, null, null, null, Set.of(DeviceType.POLICE_KIOSK), false, 0, 5));
        assertThat(expected.total()).isPositive();

        MvcTestResult result = get("/api/v1/devices/" + device.code() + "/items?size=5");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) expected.total());
        assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactlyElementsOf(expected.items().stream().map(i -> i.code()).toList());
        assertThat(result).bodyJson().extractingPath("$.items[*].deviceTypes").asArray()
                .allSatisfy(types -> assertThat(types).asInstanceOf(InstanceOfAssertFactories.LIST).contains("POLICE_KIOSK"));
    }

    @Test
    void fileCabinetHandlesNoItems() {
        PlacedDevice cabinet = firstDeviceOf(DeviceType.FILE_CABINET);

        MvcTestResult result = get("/api/v1/devices/" + cabinet.code() + "/items");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo(0);
    }

    @Test
    void deviceItemsWithBadPagingNameEachParameter() {
        PlacedDevice device = firstDeviceOf(DeviceType.POLICE_KIOSK);

        MvcTestResult result = get("/api/v1/devices/" + device.code() + "/items?page=-1&size=1000");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray()
                .containsExactlyInAnyOrder("page", "size");
    }
}
