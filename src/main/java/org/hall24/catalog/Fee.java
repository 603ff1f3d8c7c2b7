package org.hall24.catalog;

import java.math.BigDecimal;

import org.hall24.shared.LocalizedText;

/**
 * A fee charged for an item.
 *
 * @param name what is charged for (e.g. 工本费, the production fee of a card)
 * @param amountYuan the amount in yuan, two decimals at most, not negative
 */
public record Fee(LocalizedText name, BigDecimal amountYuan) {
}
