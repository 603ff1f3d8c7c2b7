package org.hall24.catalog;

import org.hall24.shared.LocalizedText;

/** A catalog category, as the lobby guide browses it. */
public record Category(String code, LocalizedText name) {
}
