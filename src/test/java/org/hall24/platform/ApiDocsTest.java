package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@Hall24IntegrationTest
@AutoConfigureMockMvc
class ApiDocsTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void openApiDocumentDescribesTheApi() {
        MvcTestResult result = mvc.get().uri("/api/v1/openapi").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.info.title").isEqualTo("Hall24 API");
        assertThat(result).bodyJson().extractingPath("$.info.version").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.info.license.name").isEqualTo("Apache-2.0");
        assertThat(result).bodyJson().extractingPath("$.paths").asMap().containsKeys(
                "/api/v1/items", "/api/v1/items/{code}", "/api/v1/items/{code}/versions/{version}",
                "/api/v1/categories", "/api/v1/departments", "/api/v1/halls", "/api/v1/halls/{code}",
                "/api/v1/devices", "/api/v1/devices/{code}", "/api/v1/devices/{code}/items");
    }

    @Test
    void itemSearchIsDocumentedWithEachOfItsParametersOnly() {
        MvcTestResult result = mvc.get().uri("/api/v1/openapi").exchange();

        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/items'].get.parameters[*].name").asArray()
                .containsExactlyInAnyOrder("q", "category", "department", "scope", "deviceType", "page", "size");
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/items'].get.parameters[*].description")
                .asArray().doesNotContainNull();
        assertThat(result).bodyJson()
                .extractingPath("$.paths['/api/v1/items'].get.parameters[?(@.name == 'scope')].schema.enum[*]")
                .asArray().containsExactlyInAnyOrder("NATIONWIDE", "CITYWIDE", "LOCAL");
    }

    @Test
    void refusalsAndUnknownCodesAreDocumentedAsProblems() {
        MvcTestResult result = mvc.get().uri("/api/v1/openapi").exchange();

        assertThat(result).bodyJson()
                .extractingPath("$.paths['/api/v1/items'].get.responses['400'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem");
        assertThat(result).bodyJson()
                .extractingPath("$.paths['/api/v1/items/{code}'].get.responses['404'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.Problem.properties").asMap()
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void theAdminDeviceRegistryIsDocumentedBehindHttpBasicWithItsRefusals() {
        MvcTestResult result = mvc.get().uri("/api/v1/openapi").exchange();

        assertThat(result).bodyJson().extractingPath("$.paths").asMap().containsKeys(
                "/api/v1/admin/devices", "/api/v1/admin/devices/{code}", "/api/v1/admin/devices/{code}/credential");
        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.basicAuth.scheme").isEqualTo("basic");
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/admin/devices'].post.security[*].basicAuth")
                .asArray().hasSize(1);
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/admin/devices'].post.responses").asMap()
                .containsKeys("201", "400", "401", "403", "409");
        assertThat(result).bodyJson()
                .extractingPath("$.paths['/api/v1/admin/devices'].post.requestBody.content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/DeviceRegistration");
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/admin/devices/{code}/credential'].delete.responses")
                .asMap().containsKeys("204", "401", "403", "404");
    }

    @Test
    void swaggerUiRedirectsToAPageThatLoads() {
        MvcTestResult redirect = mvc.get().uri("/api/v1/docs").exchange();

        assertThat(redirect).hasStatus3xxRedirection();
        String location = redirect.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).isNotBlank();

        MvcTestResult page = mvc.get().uri(location).exchange();

        assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page).bodyText().contains("swagger-ui");
    }
}
