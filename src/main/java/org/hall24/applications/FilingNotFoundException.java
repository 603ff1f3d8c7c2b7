package org.hall24.applications;

/** No filing has this number. */
public class FilingNotFoundException extends RuntimeException {

    public FilingNotFoundException(String number) {
        super("no filing " + number);
    }
}
