package org.hall24.catalog;

/** How the result of an item can reach the citizen. */
public enum DeliveryMethod {
    /** 邮寄送达: by post. */
    MAIL,
    /** 智能文件柜: from a compartment of the smart file cabinet, with a pickup code. */
    CABINET,
    /** 窗口领取: in person at a staffed counter. */
    COUNTER
}
