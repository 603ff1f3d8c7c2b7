package org.hall24.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database filled before definitions kept their written order (jsonb sorted the keys, so a
 * form's fields came out alphabetically) gets the files' order back at the next start.
 */
@Hall24IntegrationTest
class CatalogOrderTest {

    @Autowired
    CatalogFileLoader loader;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;

    List<String> formFields(String code) {
        List<String> names = new ArrayList<>();
        catalog.item(code).orElseThrow().form().get("properties").propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void aVersionStoredWithSortedKeysTakesBackTheOrderOfItsFile() {
        List<String> written = formFields("WJ-0001");
        assertThat(written).startsWith("physicianName", "idNumber", "certificateNumber");

        // As an old installation stored it: jsonb's key order.
        jdbc.sql("update catalog_item_version set definition = definition::jsonb::json where code = 'WJ-0001'").update();
        loader.load("classpath:catalog");
        // (the catalog reads the store again after a load)
        assertThat(formFields("WJ-0001")).isEqualTo(written);
        assertThat(jdbc.sql("select count(*) from catalog_item_version where code = 'WJ-0001' and definition::text = definition::jsonb::text")
                .query(Integer.class).single()).as("the stored text is no longer jsonb's").isZero();

        assertThat(loader.load("classpath:catalog").stored()).as("nothing new is stored").isZero();
    }
}
