package org.hall24.notifications.templates;

/**
 * Texts written over a version that is no longer the newest (another admin saved meanwhile):
 * nothing was saved, so neither overwrites the other unseen.
 */
public class StaleTemplateVersionException extends IllegalStateException {

    private final TemplateVersion newest;

    public StaleTemplateVersionException(int basedOn, TemplateVersion newest) {
        super("template " + newest.key() + " was edited from version " + basedOn + ", but version " + newest.version()
                + " is newer (by " + newest.createdBy() + ")");
        this.newest = newest;
    }

    public TemplateVersion newest() {
        return newest;
    }
}
