package org.hall24.catalog;

/** Where an item can be handled regardless of the applicant's household registration. */
public enum Scope {
    /** 全国通办: anywhere in the country. */
    NATIONWIDE,
    /** 全市通办: anywhere in the city. */
    CITYWIDE,
    /** Only in the district that implements it. */
    LOCAL
}
