package org.hall24.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hall24.catalog.Category;
import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.Department;
import org.hall24.catalog.Fee;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.Material;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalog's data files: {@code categories.yaml} and one {@code items/<department>.yaml}
 * per department. Reading is strict: an unknown key, a missing field or a value of the wrong kind
 * is a {@link CatalogFileException} naming the file, the item code and the field.
 */
final class CatalogFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CatalogFiles() {
    }

    /** What the files hold, checked for form but not yet against the catalog rules. */
    record Contents(List<Category> categories, List<DepartmentFile> departments) {
    }

    record DepartmentFile(String file, Department department, List<ServiceItem> items) {
    }

    static Contents read(String location) {
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            Resource categoriesFile = resolver.getResource(location + "/categories.yaml");
            if (!categoriesFile.exists()) {
                throw new CatalogFileException(location + "/categories.yaml", null, null, "file not found");
            }
            List<Category> categories = readCategories(location + "/categories.yaml", categoriesFile);
            Resource[] itemFiles = resolver.getResources(location + "/items/*.yaml");
            Arrays.sort(itemFiles, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<DepartmentFile> departments = new ArrayList<>();
            for (Resource file : itemFiles) {
                departments.add(readDepartment(location + "/items/" + file.getFilename(), file));
            }
            return new Contents(categories, departments);
        }
        catch (IOException e) {
            throw new CatalogFileException(location, null, null, "cannot read: " + e.getMessage());
        }
    }

    private static List<Category> readCategories(String name, Resource file) throws IOException {
        CategoriesYaml yaml = parse(name, file, CategoriesYaml.class);
        List<Category> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < yaml.categories().size(); i++) {
            CategoryYaml c = yaml.categories().get(i);
            String field = "categories[" + i + "]";
            if (c.code() == null || c.code().isBlank()) {
                throw new CatalogFileException(name, null, field + ".code", "is required");
            }
            if (!seen.add(c.code())) {
                throw new CatalogFileException(name, null, field + ".code", "duplicate category " + c.code());
            }
            result.add(new Category(c.code(), text(name, null, field + ".name", c.name())));
        }
        return result;
    }

    static DepartmentFile readDepartment(String name, Resource file) throws IOException {
        DepartmentYaml yaml = parse(name, file, DepartmentYaml.class);
        if (yaml.department() == null || yaml.department().code() == null || yaml.department().code().isBlank()) {
            throw new CatalogFileException(name, null, "department.code", "is required");
        }
        Department department = new Department(yaml.department().code(),
                text(name, null, "department.name", yaml.department().name()));
        if (yaml.items() == null || yaml.items().isEmpty()) {
            throw new CatalogFileException(name, null, "items", "a department file lists at least one item");
        }
        List<ServiceItem> items = new ArrayList<>();
        for (int i = 0; i < yaml.items().size(); i++) {
            JsonNode node = yaml.items().get(i);
            String code = node.path("code").asString("items[" + i + "]");
            ItemYaml entry;
            try {
                entry = YAML.treeToValue(node, ItemYaml.class);
            }
            catch (JacksonException e) {
                throw new CatalogFileException(name, code, fieldOf(e), problemOf(e));
            }
            items.add(entry.toServiceItem(name, department.code()));
        }
        return new DepartmentFile(name, department, items);
    }

    private static <T> T parse(String name, Resource file, Class<T> type) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return YAML.readValue(in, type);
        }
        catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CatalogFileException(name, null, fieldOf(e), problemOf(e) + where);
        }
    }

    private static String fieldOf(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String problemOf(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }

    static LocalizedText text(String file, @Nullable String code, String field, @Nullable LocalizedText text) {
        if (text == null) {
            throw new CatalogFileException(file, code, field, "is required");
        }
        return text;
    }

    private static <T> T required(String file, String code, String field, @Nullable T value) {
        if (value == null) {
            throw new CatalogFileException(file, code, field, "is required");
        }
        return value;
    }

    record CategoriesYaml(List<CategoryYaml> categories) {
    }

    record CategoryYaml(String code, LocalizedText name) {
    }

    record DepartmentYaml(DepartmentHeader department, List<JsonNode> items) {
    }

    record DepartmentHeader(String code, LocalizedText name) {
    }

    record MaterialYaml(LocalizedText name, Material.Kind kind, Material.Medium medium, Boolean required) {
    }

    record FeeYaml(LocalizedText name, BigDecimal amountYuan) {
    }

    /** One item as a department file writes it: the department comes from the file's header. */
    record ItemYaml(
            String code,
            Integer version,
            LocalizedText name,
            String category,
            HandlingType handlingType,
            Integer legalDays,
            Integer promisedDays,
            Scope scope,
            List<MaterialYaml> materials,
            List<FeeYaml> fees,
            List<DeviceType> deviceTypes,
            Boolean paperDeposit,
            List<DeliveryMethod> deliveryMethods,
            List<String> keywords,
            @Nullable JsonNode form) {

        ServiceItem toServiceItem(String file, String department) {
            String c = required(file, null, "code", code);
            List<Material> mats = new ArrayList<>();
            for (int i = 0; i < required(file, c, "materials", materials).size(); i++) {
                MaterialYaml m = materials.get(i);
                String f = "materials[" + i + "]";
                mats.add(new Material(text(file, c, f + ".name", m.name()), required(file, c, f + ".kind", m.kind()),
                        required(file, c, f + ".medium", m.medium()), required(file, c, f + ".required", m.required())));
            }
            List<Fee> feeList = new ArrayList<>();
            for (int i = 0; i < required(file, c, "fees", fees).size(); i++) {
                FeeYaml fee = fees.get(i);
                String f = "fees[" + i + "]";
                feeList.add(new Fee(text(file, c, f + ".name", fee.name()), required(file, c, f + ".amountYuan", fee.amountYuan())));
            }
            return new ServiceItem(c, required(file, c, "version", version), text(file, c, "name", name),
                    required(file, c, "category", category), department,
                    required(file, c, "handlingType", handlingType), required(file, c, "legalDays", legalDays),
                    required(file, c, "promisedDays", promisedDays), required(file, c, "scope", scope), mats, feeList,
                    Set.copyOf(required(file, c, "deviceTypes", deviceTypes)),
                    required(file, c, "paperDeposit", paperDeposit),
                    Set.copyOf(required(file, c, "deliveryMethods", deliveryMethods)),
                    required(file, c, "keywords", keywords), form, false);
        }
    }
}
