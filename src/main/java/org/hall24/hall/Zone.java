package org.hall24.hall;

import org.hall24.shared.LocalizedText;

/**
 * An area of a hall, drawn as a rectangle on its floor plan (centimetres from the top-left corner).
 *
 * @param code unique within the hall
 * @param kind what the area is for
 * @param name its name on signs and screens
 */
public record Zone(String code, Kind kind, LocalizedText name, int x, int y, int width, int depth) {

    public enum Kind {
        /** 自助服务区: where the self-service kiosks stand. */
        SELF_SERVICE,
        /** 自助填单区: desks to fill in forms and prepare materials. */
        FORM_FILLING,
        /** 自助投寄区: the smart file cabinet, to deposit materials and pick up results. */
        MAILING_DEPOSIT,
        /** 入口: the entrance, with the lobby query kiosk. */
        ENTRANCE
    }
}
