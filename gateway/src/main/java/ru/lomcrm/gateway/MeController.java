package ru.lomcrm.gateway;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.lomcrm.platform.security.Roles;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.PhoneNumbers;

/** Who is signed in, and who works here (for owner pickers and reports). */
@RestController
class MeController {

    private final UserDirectory directory;

    MeController(UserDirectory directory) {
        this.directory = directory;
    }

    /** {@code phone}: the profile's phone number (Keycloak attribute {@code phoneNumber}, claim {@code phone_number}), E.164 when it parses. */
    public record Me(String id, String username, String name, String email, String phone, Set<String> roles, Set<String> groups) {
    }

    /** Heads and admins see every field; everyone else sees {@link Colleague}s. */
    public record Users(List<?> items) {
    }

    /** A colleague as any employee sees them: who, in which groups — no e-mail, no roles. */
    public record Colleague(String id, String username, String name, java.util.Set<String> groups, boolean enabled) {
        static Colleague of(DirectoryUser user) {
            return new Colleague(user.id(), user.username(), user.name(), user.groups(), user.enabled());
        }
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof OidcUser oidc) {
            return new Me(oidc.getSubject(), oidc.getPreferredUsername(), displayName(oidc.getFullName(), oidc.getPreferredUsername()),
                    oidc.getEmail(), phone(oidc.getPhoneNumber()), claimSet(oidc.getClaimAsStringList("roles")),
                    claimSet(oidc.getClaimAsStringList("groups")));
        }
        if (principal instanceof Jwt jwt) {
            String username = jwt.getClaimAsString("preferred_username");
            return new Me(jwt.getSubject(), username, displayName(jwt.getClaimAsString("name"), username), jwt.getClaimAsString("email"),
                    phone(jwt.getClaimAsString(StandardClaimNames.PHONE_NUMBER)), claimSet(jwt.getClaimAsStringList("roles")),
                    claimSet(jwt.getClaimAsStringList("groups")));
        }
        throw new IllegalStateException("Unexpected principal " + principal.getClass());
    }

    /**
     * The directory is served from memory; a reload (once a minute) blocks, so it runs off the
     * event loop. E-mails and roles only for heads and admins (who assign work and manage people).
     */
    @GetMapping("/api/users")
    Mono<Users> users(Authentication authentication) {
        boolean full = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + Roles.HEAD) || a.equals("ROLE_" + Roles.ADMIN));
        return Mono.fromCallable(() -> {
            List<DirectoryUser> users = directory.activeUsers();
            return new Users(full ? users : users.stream().map(Colleague::of).toList());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String displayName(String name, String username) {
        return name == null || name.isBlank() ? username : name;
    }

    /** As typed in the profile ("8 916 123-45-67") to E.164; kept as typed when it is no Russian-plan number. */
    private static String phone(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return PhoneNumbers.normalize(typed, "phone");
        } catch (DomainException notAPhone) {
            return typed.strip();
        }
    }

    private static Set<String> claimSet(List<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }
}
