package org.hall24.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.Fee;
import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.Material;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ServiceItemFormTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final ServiceItem ITEM = new ServiceItem("GA-0001", 3, new LocalizedText("居民身份证换领", "ID card renewal"),
            "household", "GA", HandlingType.PROMISED, 30, 10, Scope.NATIONWIDE,
            List.of(new Material(new LocalizedText("户口簿", "Household register"), Material.Kind.ORIGINAL, Material.Medium.PAPER, true)),
            List.of(new Fee(new LocalizedText("工本费", "Card fee"), new BigDecimal("20.00"))),
            Set.of(DeviceType.POLICE_KIOSK), true, Set.of(DeliveryMethod.MAIL, DeliveryMethod.CABINET),
            List.of("身份证", "换证"), JSON.readTree("{\"type\":\"object\",\"properties\":{}}"), false);

    @Test
    void formOfAnItemTurnsBackIntoTheSameItemAsItsNextVersion() {
        ServiceItemForm form = ServiceItemForm.from(ITEM);

        ServiceItemForm.Conversion conversion = form.toServiceItem("GA-0001", JSON);

        assertThat(conversion.violations()).isEmpty();
        assertThat(conversion.item()).isEqualTo(ITEM.withVersion(4));
    }

    @Test
    void formOfAnItemOffersTwoBlankRowsAfterTheFilledOnes() {
        ServiceItemForm form = ServiceItemForm.from(ITEM);

        assertThat(form.getMaterials()).hasSize(3);
        assertThat(form.getMaterials().subList(1, 3)).allMatch(ServiceItemForm.MaterialRow::isBlank);
        assertThat(form.getFees()).hasSize(3);
        assertThat(form.withBlankRows().getMaterials()).hasSize(3);
    }

    @Test
    void blankRowsAreIgnoredAndCatalogPathsPointAtTheRowsTheyCameFrom() {
        ServiceItemForm form = ServiceItemForm.from(ITEM);
        form.getMaterials().add(0, new ServiceItemForm.MaterialRow());
        form.getMaterials().get(2).setNameZh("照片");

        ServiceItemForm.Conversion conversion = form.toServiceItem("GA-0001", JSON);

        assertThat(conversion.item().materials()).extracting(m -> m.name().zh()).containsExactly("户口簿", "照片");
        assertThat(conversion.formField("materials[1].name.en")).isEqualTo("materials[2].nameEn");
        assertThat(conversion.formField("materials[0].name.zh")).isEqualTo("materials[1].nameZh");
        assertThat(conversion.formField("fees[0].amountYuan")).isEqualTo("fees[0].amountYuan");
        assertThat(conversion.formField("name.en")).isEqualTo("nameEn");
        assertThat(conversion.formField("keywords[1]")).isEqualTo("keywords");
        assertThat(conversion.formField("form.properties.name")).isEqualTo("formSchema");
        assertThat(conversion.formField("legalDays")).isEqualTo("legalDays");
        assertThat(conversion.formField("version")).isNull();
        assertThat(conversion.formField("materials[7].name.zh")).isNull();
    }

    @Test
    void keywordsAreSplitOnCommasAndEnumerationCommas() {
        ServiceItemForm form = ServiceItemForm.from(ITEM);
        form.setKeywords(" 身份证、换证，补证 , id card ,, ");

        assertThat(form.toServiceItem("GA-0001", JSON).item().keywords())
                .containsExactly("身份证", "换证", "补证", "id card");
    }

    @Test
    void emptyFormSchemaMeansNoFormAndInvalidJsonIsAFieldViolation() {
        ServiceItemForm form = ServiceItemForm.from(ITEM);
        form.setFormSchema("  ");
        assertThat(form.toServiceItem("GA-0001", JSON).item().form()).isNull();

        form.setFormSchema("{\"type\": ");
        assertThat(form.toServiceItem("GA-0001", JSON).violations())
                .extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("formSchema", "catalog.violation.form-json"));
    }

    @Test
    void missingChoicesAndNumbersAreRequired() {
        ServiceItemForm form = ServiceItemForm.blank();
        form.getMaterials().get(0).setNameZh("户口簿");
        form.getMaterials().get(0).setKind(null);

        assertThat(form.toServiceItem("", JSON).violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("code", "category", "department", "handlingType", "legalDays", "promisedDays",
                        "scope", "materials[0].kind");
    }
}
