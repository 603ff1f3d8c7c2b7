package org.hall24.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed hall in Jiulongpo as the report describes it, and its fit with the catalog: every item
 * can be handled on a device that stands in the hall.
 */
@Hall24IntegrationTest
class SeedHallTest {

    @Autowired
    Halls halls;

    @Autowired
    Catalog catalog;

    Hall seed() {
        return halls.hall("JLP-YJP").orElseThrow();
    }

    @Test
    void theSeedHallIsTheDefaultAndMatchesTheReport() {
        Hall hall = seed();

        assertThat(halls.defaultHall()).isEqualTo(hall);
        assertThat(hall.address().zh()).contains("九龙坡区", "杨家坪", "中迪广场1楼11号");
        assertThat(hall.areaSquareMeters()).isEqualTo(206);
        assertThat(hall.openingHours().alwaysOpen()).isTrue();
        assertThat(hall.openSince()).hasToString("2021-06-18");
        assertThat(hall.zones()).extracting(Zone::kind).contains(Zone.Kind.SELF_SERVICE, Zone.Kind.FORM_FILLING,
                Zone.Kind.MAILING_DEPOSIT, Zone.Kind.ENTRANCE);
    }

    @Test
    void theSeedHallHasTheReportedDevicesByTypeAndCount() {
        Map<DeviceType, Long> counts = seed().devices().stream()
                .collect(Collectors.groupingBy(PlacedDevice::type, Collectors.counting()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                DeviceType.GOV_KIOSK, 2L, DeviceType.TAX_KIOSK, 2L, DeviceType.POLICE_KIOSK, 5L,
                DeviceType.HRSS_KIOSK, 1L, DeviceType.REAL_ESTATE_KIOSK, 1L, DeviceType.QUERY_KIOSK, 1L,
                DeviceType.FILE_CABINET, 1L));
    }

    @Test
    void theQueryKioskStandsLeftOfTheEntranceAndTheCabinetInTheDepositArea() {
        Hall hall = seed();
        PlacedDevice query = hall.devicesOf(Set.of(DeviceType.QUERY_KIOSK)).get(0);
        PlacedDevice cabinet = hall.devicesOf(Set.of(DeviceType.FILE_CABINET)).get(0);

        assertThat(hall.zone(query.zone())).get().extracting(Zone::kind).isEqualTo(Zone.Kind.ENTRANCE);
        assertThat(query.x()).isLessThan(hall.entrance().x());
        assertThat(hall.zone(cabinet.zone())).get().extracting(Zone::kind).isEqualTo(Zone.Kind.MAILING_DEPOSIT);
        assertThat(cabinet.cabinet()).isNotNull();
        assertThat(cabinet.cabinet().compartments()).isPositive();
    }

    @Test
    void everyItemCanBeHandledOnADeviceTypePresentInTheSeedHall() {
        Set<DeviceType> present = seed().deviceTypes();
        List<ServiceItem> items = allItems();

        assertThat(items).hasSizeGreaterThanOrEqualTo(207);
        assertThat(items).allSatisfy(item -> assertThat(item.deviceTypes()).as(item.code()).isNotEmpty()
                .containsAnyElementsOf(present));
    }

    private List<ServiceItem> allItems() {
        List<ServiceItem> items = new ArrayList<>();
        ItemPage page;
        int number = 0;
        do {
            page = catalog.search(new ItemQuery(null, null, null, null, Set.of(), true, number++, ItemQuery.MAX_SIZE));
            items.addAll(page.items());
        } while (page.hasNext());
        return items;
    }

    @Test
    void everyDeviceTypeTheCatalogReferencesStandsInTheSeedHall() {
        Set<DeviceType> referenced = EnumSet.noneOf(DeviceType.class);
        allItems().forEach(item -> referenced.addAll(item.deviceTypes()));

        assertThat(referenced).isNotEmpty();
        assertThat(seed().deviceTypes()).containsAll(referenced);
    }

    @Test
    void deviceCodesAreUniqueAcrossHalls() {
        var codes = halls.all().stream().flatMap(h -> h.devices().stream()).map(PlacedDevice::code).toList();

        assertThat(codes).doesNotHaveDuplicates();
        assertThat(halls.device("JLP-YJP-POL-01")).get().extracting(PlacedDevice::type).isEqualTo(DeviceType.POLICE_KIOSK);
    }
}
