package ru.lomcrm.platform.users;

import java.util.Set;

/** A person in the company's user directory (Keycloak realm {@code crm}). */
public record DirectoryUser(String id, String username, String name, String email, Set<String> groups, Set<String> roles,
                            boolean enabled) {

    /** How an owner or actor appears in API responses. */
    public record Ref(String id, String username, String name) {
    }

    public Ref ref() {
        return new Ref(id, username, name);
    }
}
