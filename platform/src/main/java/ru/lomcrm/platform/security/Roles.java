package ru.lomcrm.platform.security;

/** Realm roles of the Keycloak realm {@code crm} (see auth/realm-crm.json). */
public final class Roles {

    public static final String ADMIN = "crm-admin";
    public static final String HEAD = "crm-head";
    public static final String MANAGER = "crm-manager";

    public static final String SECTION_MAIL = "section-mail";
    public static final String SECTION_ANALYTICS = "section-analytics";
    public static final String SECTION_SETTINGS = "section-settings";
    public static final String SECTION_UNSORTED = "section-unsorted";

    private Roles() {
    }
}
