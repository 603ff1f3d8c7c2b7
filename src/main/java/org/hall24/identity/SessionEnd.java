package org.hall24.identity;

/** Why a kiosk session ended. */
public enum SessionEnd {
    /** The citizen pressed "end" / 退出 or finished the journey. */
    CITIZEN_FINISHED,
    /** Nobody touched the kiosk until the inactivity deadline. */
    INACTIVITY,
    /** Another ID card was put on the reader: its session replaces this one. */
    NEW_CARD,
    /** A staff member ended the session. */
    STAFF,
    /** The face could not be verified and the staff-assisted check refused the person. */
    FACE_REFUSED;

    /** The message key of the reason shown to the citizen. */
    public String messageKey() {
        return "identity.session-end." + name();
    }
}
