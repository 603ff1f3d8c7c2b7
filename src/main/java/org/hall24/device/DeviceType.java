package org.hall24.device;

/**
 * The kinds of self-service device a hall can hold. The names in the UI come from the message
 * keys {@code device.type.<NAME>}.
 */
public enum DeviceType {

    /** 政务服务自助机: general government-affairs kiosk. */
    GOV_KIOSK(true),
    /** 税务发票自助服务设备: tax invoice kiosk. */
    TAX_KIOSK(true),
    /** 公安自助服务设备: public-security kiosk (ID, endorsements, traffic, driving licences). */
    POLICE_KIOSK(true),
    /** 人社自助服务设备: human-resources and social-security kiosk. */
    HRSS_KIOSK(true),
    /** 不动产登记自助服务设备: real-estate registration kiosk. */
    REAL_ESTATE_KIOSK(true),
    /** 渝快办自助查询机: the lobby query kiosk; it also answers pure query items. */
    QUERY_KIOSK(true),
    /** 智能文件柜: smart file cabinet; takes paper materials and hands out results, handles no item alone. */
    FILE_CABINET(false);

    private final boolean handlesItems;

    DeviceType(boolean handlesItems) {
        this.handlesItems = handlesItems;
    }

    /**
     * Whether a citizen can handle a service item on this device (a file cabinet only takes
     * and gives paper).
     */
    public boolean handlesItems() {
        return handlesItems;
    }

    /** Whether the device has compartments a command can open (the file cabinet). */
    public boolean hasCompartments() {
        return this == FILE_CABINET;
    }

    /** The message key of the type's display name. */
    public String messageKey() {
        return "device.type." + name();
    }
}
