package org.hall24.applications;

import java.util.Map;

/** Test data of this package for tests in other packages. */
public final class FormsTestAccess {

    private FormsTestAccess() {
    }

    public static Map<String, String> physician() {
        return FormsTest.physician();
    }

    public static byte[] jpeg() {
        return TestFiles.jpeg(300, 200);
    }
}
