package org.hall24.applications;

/** A file was refused as a material; nothing was attached. */
public class MaterialRejectedException extends RuntimeException {

    /** Why a file was refused; screens show {@code applications.material.rejected.<REASON>}. */
    public enum Reason {
        /** Larger than {@code hall24.applications.material-max-bytes} (or than the upload limit). */
        TOO_LARGE,
        /**
         * An image declaring more pixels than can be decoded safely (80 million), whatever its file
         * size: a small file can declare a huge picture (a decompression bomb).
         */
        TOO_MANY_PIXELS,
        /** Neither JPEG, PNG nor PDF by its content (whatever its name says). */
        NOT_AN_IMAGE_OR_PDF,
        /** An image or PDF that cannot be read completely. */
        CORRUPT,
        /** A PDF of more pages than allowed. */
        TOO_MANY_PAGES,
        /** The material already has the most files allowed. */
        TOO_MANY_FILES
    }

    private final Reason reason;

    public MaterialRejectedException(Reason reason) {
        super("material refused: " + reason);
        this.reason = reason;
    }

    public MaterialRejectedException(Reason reason, Throwable cause) {
        super("material refused: " + reason, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
