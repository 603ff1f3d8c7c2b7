package org.hall24.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.Fee;
import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.Material;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's form of a service item. Materials and fees are repeating rows; a row whose names are
 * both blank (and, for a fee, whose amount is blank) is an unused row and ignored. Keywords are one
 * text, separated by commas or 、; the application form is JSON Schema text, blank for none.
 */
public class ServiceItemForm {

    /** How many blank material and fee rows the form offers beyond the filled ones. */
    static final int BLANK_ROWS = 2;

    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，、;；\\n]");
    private static final Pattern ROW_PATH = Pattern.compile("(materials|fees)\\[(\\d+)](?:\\.(.+))?");
    private static final Set<String> PLAIN_FIELDS = Set.of("code", "category", "department", "handlingType",
            "legalDays", "promisedDays", "scope", "deviceTypes", "paperDeposit", "deliveryMethods");

    private @Nullable String code;
    private @Nullable Integer version;
    private @Nullable String nameZh;
    private @Nullable String nameEn;
    private @Nullable String category;
    private @Nullable String department;
    private @Nullable HandlingType handlingType;
    private @Nullable Integer legalDays;
    private @Nullable Integer promisedDays;
    private @Nullable Scope scope;
    private List<MaterialRow> materials = new ArrayList<>();
    private List<FeeRow> fees = new ArrayList<>();
    private Set<DeviceType> deviceTypes = new LinkedHashSet<>();
    private boolean paperDeposit;
    private Set<DeliveryMethod> deliveryMethods = new LinkedHashSet<>();
    private @Nullable String keywords;
    private @Nullable String formSchema;

    /** An empty form for a new item, with blank material and fee rows. */
    static ServiceItemForm blank() {
        return new ServiceItemForm().withBlankRows();
    }

    /** The form showing an item's current definition, plus blank rows to add materials and fees. */
    static ServiceItemForm from(ServiceItem item) {
        ServiceItemForm form = new ServiceItemForm();
        form.code = item.code();
        form.version = item.version();
        form.nameZh = item.name().zh();
        form.nameEn = item.name().en();
        form.category = item.category();
        form.department = item.department();
        form.handlingType = item.handlingType();
        form.legalDays = item.legalDays();
        form.promisedDays = item.promisedDays();
        form.scope = item.scope();
        for (Material m : item.materials()) {
            form.materials.add(new MaterialRow(m.name().zh(), m.name().en(), m.kind(), m.medium(), m.required()));
        }
        for (Fee f : item.fees()) {
            form.fees.add(new FeeRow(f.name().zh(), f.name().en(), f.amountYuan()));
        }
        form.deviceTypes = new LinkedHashSet<>(item.deviceTypes());
        form.paperDeposit = item.paperDeposit();
        form.deliveryMethods = new LinkedHashSet<>(item.deliveryMethods());
        form.keywords = String.join(", ", item.keywords());
        form.formSchema = item.form() == null || item.form().isNull() ? "" : item.form().toPrettyString();
        return form.withBlankRows();
    }

    /** This form with at least {@link #BLANK_ROWS} unused material and fee rows at the end. */
    ServiceItemForm withBlankRows() {
        while (trailingBlank(materials) < BLANK_ROWS) {
            materials.add(MaterialRow.blank());
        }
        while (trailingBlank(fees) < BLANK_ROWS) {
            fees.add(new FeeRow());
        }
        return this;
    }

    private static int trailingBlank(List<? extends Row> rows) {
        int n = 0;
        for (int i = rows.size() - 1; i >= 0 && rows.get(i).isBlank(); i--) {
            n++;
        }
        return n;
    }

    /** The code the form names, trimmed and in capitals; empty when none was typed. */
    String normalizedCode() {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The item this form describes. What the form itself lacks (a choice not made, a number not
     * given, JSON that does not parse) is reported against the form's fields; the catalog's rules
     * are not checked here.
     *
     * @param itemCode the item's code
     * @param json reads the form's JSON Schema
     */
    Conversion toServiceItem(String itemCode, JsonMapper json) {
        List<FieldViolation> violations = new ArrayList<>();
        if (itemCode.isEmpty()) {
            violations.add(new FieldViolation("code", "catalog.violation.required"));
        }
        requireChoice(violations, "category", category);
        requireChoice(violations, "department", department);
        requireChoice(violations, "handlingType", handlingType);
        requireChoice(violations, "legalDays", legalDays);
        requireChoice(violations, "promisedDays", promisedDays);
        requireChoice(violations, "scope", scope);

        List<Material> materialList = new ArrayList<>();
        List<Integer> materialRows = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialRow row = materials.get(i);
            if (row.isBlank()) {
                continue;
            }
            requireChoice(violations, "materials[" + i + "].kind", row.kind);
            requireChoice(violations, "materials[" + i + "].medium", row.medium);
            materialRows.add(i);
            materialList.add(new Material(text(row.nameZh, row.nameEn), row.kind, row.medium, row.required));
        }
        List<Fee> feeList = new ArrayList<>();
        List<Integer> feeRows = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            FeeRow row = fees.get(i);
            if (row.isBlank()) {
                continue;
            }
            requireChoice(violations, "fees[" + i + "].amountYuan", row.amountYuan);
            feeRows.add(i);
            feeList.add(new Fee(text(row.nameZh, row.nameEn), row.amountYuan == null ? BigDecimal.ZERO : row.amountYuan));
        }
        JsonNode schema = null;
        if (formSchema != null && !formSchema.isBlank()) {
            try {
                schema = json.readTree(formSchema);
            }
            catch (JacksonException e) {
                violations.add(new FieldViolation("formSchema", "catalog.violation.form-json", describe(e)));
            }
        }
        ServiceItem item = new ServiceItem(itemCode, version == null ? 1 : version + 1, text(nameZh, nameEn),
                strip(category), strip(department), handlingType, legalDays == null ? 0 : legalDays,
                promisedDays == null ? 0 : promisedDays, scope, materialList, feeList, withoutNull(deviceTypes),
                paperDeposit, withoutNull(deliveryMethods), keywordList(), schema, false);
        return new Conversion(item, violations, materialRows, feeRows);
    }

    /**
     * An item built from the form, what the form itself lacks, and which form row each material and
     * fee came from (blank rows are skipped, so the item's indexes differ from the form's).
     *
     * @param violations problems with form field paths ({@code legalDays}, {@code materials[3].kind})
     */
    record Conversion(ServiceItem item, List<FieldViolation> violations, List<Integer> materialRows,
            List<Integer> feeRows) {

        /**
         * The form field a catalog rule's field path points at ({@code materials[0].name.en} may be
         * {@code materials[2].nameEn}), or {@code null} when no field of the form shows it.
         */
        @Nullable String formField(String itemPath) {
            if (PLAIN_FIELDS.contains(itemPath)) {
                return itemPath;
            }
            if (itemPath.equals("name") || itemPath.equals("name.zh")) {
                return "nameZh";
            }
            if (itemPath.equals("name.en")) {
                return "nameEn";
            }
            if (itemPath.equals("keywords") || itemPath.startsWith("keywords[")) {
                return "keywords";
            }
            if (itemPath.equals("form") || itemPath.startsWith("form.")) {
                return "formSchema";
            }
            Matcher m = ROW_PATH.matcher(itemPath);
            if (!m.matches()) {
                return null;
            }
            List<Integer> rows = m.group(1).equals("materials") ? materialRows : feeRows;
            int index = Integer.parseInt(m.group(2));
            if (index >= rows.size()) {
                return null;
            }
            String rest = m.group(3) == null ? "name" : m.group(3);
            String field = switch (rest) {
                case "name", "name.zh" -> "nameZh";
                case "name.en" -> "nameEn";
                case "kind", "medium", "required", "amountYuan" -> rest;
                default -> null;
            };
            return field == null ? null : m.group(1) + "[" + rows.get(index) + "]." + field;
        }
    }

    private static void requireChoice(List<FieldViolation> violations, String field, @Nullable Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            violations.add(new FieldViolation(field, "catalog.violation.required"));
        }
    }

    /** The chosen values; an empty value a client sent binds as {@code null} and means nothing chosen. */
    private static <T> Set<T> withoutNull(Set<T> values) {
        return values.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private List<String> keywordList() {
        if (keywords == null) {
            return List.of();
        }
        return Arrays.stream(KEYWORD_SEPARATORS.split(keywords))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .distinct()
                .toList();
    }

    private static LocalizedText text(@Nullable String zh, @Nullable String en) {
        return new LocalizedText(strip(zh), strip(en));
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        return e.getLocation() == null ? message
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + message;
    }

    private interface Row {
        boolean isBlank();
    }

    /** One material row of the form. */
    public static class MaterialRow implements Row {

        private @Nullable String nameZh;
        private @Nullable String nameEn;
        private Material.@Nullable Kind kind;
        private Material.@Nullable Medium medium;
        private boolean required;

        public MaterialRow() {
        }

        MaterialRow(@Nullable String nameZh, @Nullable String nameEn, Material.@Nullable Kind kind,
                Material.@Nullable Medium medium, boolean required) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.kind = kind;
            this.medium = medium;
            this.required = required;
        }

        static MaterialRow blank() {
            return new MaterialRow(null, null, Material.Kind.ORIGINAL, Material.Medium.PAPER, true);
        }

        /** A row without a name in either language is an unused row. */
        @Override
        public boolean isBlank() {
            return ServiceItemForm.isBlank(nameZh) && ServiceItemForm.isBlank(nameEn);
        }

        public @Nullable String getNameZh() {
            return nameZh;
        }

        public void setNameZh(@Nullable String nameZh) {
            this.nameZh = nameZh;
        }

        public @Nullable String getNameEn() {
            return nameEn;
        }

        public void setNameEn(@Nullable String nameEn) {
            this.nameEn = nameEn;
        }

        public Material.@Nullable Kind getKind() {
            return kind;
        }

        public void setKind(Material.@Nullable Kind kind) {
            this.kind = kind;
        }

        public Material.@Nullable Medium getMedium() {
            return medium;
        }

        public void setMedium(Material.@Nullable Medium medium) {
            this.medium = medium;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }
    }

    /** One fee row of the form. */
    public static class FeeRow implements Row {

        private @Nullable String nameZh;
        private @Nullable String nameEn;
        private @Nullable BigDecimal amountYuan;

        public FeeRow() {
        }

        FeeRow(@Nullable String nameZh, @Nullable String nameEn, @Nullable BigDecimal amountYuan) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.amountYuan = amountYuan;
        }

        /** A row without a name in either language and without an amount is an unused row. */
        @Override
        public boolean isBlank() {
            return ServiceItemForm.isBlank(nameZh) && ServiceItemForm.isBlank(nameEn) && amountYuan == null;
        }

        public @Nullable String getNameZh() {
            return nameZh;
        }

        public void setNameZh(@Nullable String nameZh) {
            this.nameZh = nameZh;
        }

        public @Nullable String getNameEn() {
            return nameEn;
        }

        public void setNameEn(@Nullable String nameEn) {
            this.nameEn = nameEn;
        }

        public @Nullable BigDecimal getAmountYuan() {
            return amountYuan;
        }

        public void setAmountYuan(@Nullable BigDecimal amountYuan) {
            this.amountYuan = amountYuan;
        }
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    public @Nullable String getNameZh() {
        return nameZh;
    }

    public void setNameZh(@Nullable String nameZh) {
        this.nameZh = nameZh;
    }

    public @Nullable String getNameEn() {
        return nameEn;
    }

    public void setNameEn(@Nullable String nameEn) {
        this.nameEn = nameEn;
    }

    public @Nullable String getCategory() {
        return category;
    }

    public void setCategory(@Nullable String category) {
        this.category = category;
    }

    public @Nullable String getDepartment() {
        return department;
    }

    public void setDepartment(@Nullable String department) {
        this.department = department;
    }

    public @Nullable HandlingType getHandlingType() {
        return handlingType;
    }

    public void setHandlingType(@Nullable HandlingType handlingType) {
        this.handlingType = handlingType;
    }

    public @Nullable Integer getLegalDays() {
        return legalDays;
    }

    public void setLegalDays(@Nullable Integer legalDays) {
        this.legalDays = legalDays;
    }

    public @Nullable Integer getPromisedDays() {
        return promisedDays;
    }

    public void setPromisedDays(@Nullable Integer promisedDays) {
        this.promisedDays = promisedDays;
    }

    public @Nullable Scope getScope() {
        return scope;
    }

    public void setScope(@Nullable Scope scope) {
        this.scope = scope;
    }

    public List<MaterialRow> getMaterials() {
        return materials;
    }

    public void setMaterials(List<MaterialRow> materials) {
        this.materials = materials;
    }

    public List<FeeRow> getFees() {
        return fees;
    }

    public void setFees(List<FeeRow> fees) {
        this.fees = fees;
    }

    public Set<DeviceType> getDeviceTypes() {
        return deviceTypes;
    }

    public void setDeviceTypes(Set<DeviceType> deviceTypes) {
        this.deviceTypes = deviceTypes;
    }

    public boolean isPaperDeposit() {
        return paperDeposit;
    }

    public void setPaperDeposit(boolean paperDeposit) {
        this.paperDeposit = paperDeposit;
    }

    public Set<DeliveryMethod> getDeliveryMethods() {
        return deliveryMethods;
    }

    public void setDeliveryMethods(Set<DeliveryMethod> deliveryMethods) {
        this.deliveryMethods = deliveryMethods;
    }

    public @Nullable String getKeywords() {
        return keywords;
    }

    public void setKeywords(@Nullable String keywords) {
        this.keywords = keywords;
    }

    public @Nullable String getFormSchema() {
        return formSchema;
    }

    public void setFormSchema(@Nullable String formSchema) {
        this.formSchema = formSchema;
    }
}
