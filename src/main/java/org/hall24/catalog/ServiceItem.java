package org.hall24.catalog;

import java.util.List;
import java.util.Set;

import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One version of a service item (事项). Versions are immutable: an edit publishes a new version,
 * and a filing pins the version it was filed under.
 *
 * @param code the item's stable code, {@code <department>-<4 digits>}, e.g. {@code WJ-0001}
 * @param version 1 for the first version, one more for each change
 * @param name the item's name
 * @param category a {@link Category} code
 * @param department a {@link Department} code
 * @param handlingType 即办件 or 承诺件
 * @param legalDays the legal time limit (法定办结时限) in working days; 0 for instant items
 * @param promisedDays the promised time limit (承诺办结时限) in working days, at most {@code legalDays}
 * @param scope 全国通办, 全市通办 or local
 * @param materials the materials, in the order the applicant sees them
 * @param fees what is charged; empty when free
 * @param deviceTypes the device types that can handle the item; never empty
 * @param paperDeposit whether paper materials must be deposited in the smart file cabinet
 * @param deliveryMethods how the result may reach the citizen; empty for results shown or printed at once
 * @param keywords words a citizen might type, beyond the name
 * @param form the application form as JSON Schema (draft 2020-12); {@code null} for items without a form
 * @param retired whether the item is withdrawn from the hall (kept for filings that pin it)
 */
public record ServiceItem(
        String code,
        int version,
        LocalizedText name,
        String category,
        String department,
        HandlingType handlingType,
        int legalDays,
        int promisedDays,
        Scope scope,
        List<Material> materials,
        List<Fee> fees,
        Set<DeviceType> deviceTypes,
        boolean paperDeposit,
        Set<DeliveryMethod> deliveryMethods,
        List<String> keywords,
        @Nullable JsonNode form,
        boolean retired) {

    public ServiceItem {
        materials = List.copyOf(materials);
        fees = List.copyOf(fees);
        deviceTypes = Set.copyOf(deviceTypes);
        deliveryMethods = Set.copyOf(deliveryMethods);
        keywords = List.copyOf(keywords);
        if (form != null && (form.isNull() || form.isMissingNode())) {
            form = null;
        }
    }

    /** This item as a next version, with the given number. */
    public ServiceItem withVersion(int newVersion) {
        return new ServiceItem(code, newVersion, name, category, department, handlingType, legalDays, promisedDays,
                scope, materials, fees, deviceTypes, paperDeposit, deliveryMethods, keywords, form, retired);
    }

    /** This item, retired or reinstated. */
    public ServiceItem withRetired(boolean newRetired) {
        return new ServiceItem(code, version, name, category, department, handlingType, legalDays, promisedDays,
                scope, materials, fees, deviceTypes, paperDeposit, deliveryMethods, keywords, form, newRetired);
    }

    /** Whether the item can be handled on a device of the given type. */
    public boolean handledOn(DeviceType type) {
        return deviceTypes.contains(type);
    }

    /** Whether the applicant fills a form for this item. */
    public boolean hasForm() {
        return form != null;
    }
}
