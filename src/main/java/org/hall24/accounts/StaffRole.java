package org.hall24.accounts;

/**
 * What a staff account may do. A signed-in account holds the Spring Security authority
 * {@code ROLE_<name>}.
 */
public enum StaffRole {
    /** The hall operator: manages the catalog, devices, layout and accounts. */
    ADMIN,
    /** A department reviewer or collector: works cases in the back office. */
    STAFF,
    /** A department's collector (收件人): takes the department's paper out of the smart file cabinet. */
    COLLECTOR
}
