package ru.lomcrm.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the verified access token says. Services never trust a user id sent in a
 * request body: this is the only source of "who is asking".
 */
public record CurrentUser(String id, String username, String name, String email, Set<String> roles, Set<String> groups) {

    public static CurrentUser from(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        String name = jwt.getClaimAsString("name");
        return new CurrentUser(
                jwt.getSubject(),
                username,
                name == null || name.isBlank() ? username : name,
                jwt.getClaimAsString("email"),
                Set.copyOf(listClaim(jwt, "roles")),
                Set.copyOf(listClaim(jwt, "groups")));
    }

    private static Collection<String> listClaim(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isHead() {
        return roles.contains(Roles.HEAD);
    }

    public boolean hasSection(String sectionRole) {
        return isAdmin() || roles.contains(sectionRole);
    }
}
