package org.hall24.catalog;

/** An edit was based on a version that is no longer current; nothing was saved. */
public class StaleItemVersionException extends RuntimeException {

    public StaleItemVersionException(String code, int expected, int actual) {
        super("Item " + code + " was changed meanwhile: edited version " + expected + ", current version " + actual);
    }
}
