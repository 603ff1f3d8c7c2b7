package org.hall24.notifications;

/** How a message reaches its recipient. */
public enum Channel {
    /** A text message to a mobile number (SMPP to the carrier's SMSC). */
    SMS,
    /** An e-mail (SMTP). */
    EMAIL
}
