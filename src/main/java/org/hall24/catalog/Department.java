package org.hall24.catalog;

import org.hall24.shared.LocalizedText;

/** A department (实施部门) that implements items and decides on them. */
public record Department(String code, LocalizedText name) {
}
