/**
 * The kiosk's on-screen keyboard and its pinyin input method: the index from pinyin to Chinese
 * characters and words, built once at start-up, and {@code GET /kiosk/ime/candidates}, which the
 * keyboard's script asks as the citizen types. See {@code docs/kiosk-keyboard.md}.
 */
@NullMarked
package org.hall24.kiosk.ime;

import org.jspecify.annotations.NullMarked;
