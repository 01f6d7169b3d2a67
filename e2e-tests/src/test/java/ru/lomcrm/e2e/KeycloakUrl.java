package ru.lomcrm.e2e;

final class KeycloakUrl {

    private KeycloakUrl() {
    }

    static String get() {
        String url = java.lang.System.getenv("CRM_KEYCLOAK_URL");
        return url == null || url.isBlank() ? "http://127.0.0.1:8180" : url;
    }
}
