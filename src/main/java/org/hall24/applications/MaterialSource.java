package org.hall24.applications;

/** Where a material's file came from. */
public enum MaterialSource {
    /** The kiosk's document camera (高拍仪). */
    DOCUMENT_CAMERA,
    /** The kiosk's camera. */
    CAMERA,
    /** A file uploaded (e.g. from a USB stick or a phone). */
    UPLOAD
}
