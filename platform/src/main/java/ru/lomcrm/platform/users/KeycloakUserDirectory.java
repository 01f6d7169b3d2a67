package ru.lomcrm.platform.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Who works here, in which groups, with which roles — read from Keycloak's admin REST API with
 * the {@code crm-services} service account and kept in memory. "Group" rights need the
 * <em>owner's</em> groups, which a caller's token does not carry; this is where they come from.
 *
 * <p>The snapshot is reloaded when older than the refresh interval; if Keycloak cannot be
 * reached the last good snapshot keeps serving (and the failure is logged).
 */
public class KeycloakUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserDirectory.class);
    private static final int PAGE = 500;

    private final RestClient keycloak;
    private final UserDirectoryProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

    public KeycloakUserDirectory(RestClient.Builder http, UserDirectoryProperties properties, Clock clock) {
        var timeouts = new org.springframework.http.client.SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.keycloak = http.baseUrl(properties.url()).requestFactory(timeouts).build();
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<DirectoryUser> activeUsers() {
        return current().users.values().stream()
                .filter(DirectoryUser::enabled)
                .sorted(Comparator.comparing(DirectoryUser::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public List<DirectoryUser> everyone() {
        return List.copyOf(current().users.values());
    }

    @Override
    public Optional<DirectoryUser> find(String userId) {
        Snapshot current = current();
        DirectoryUser user = current.users.get(userId);
        if (user == null && current.loadedAt.isBefore(clock.instant().minusSeconds(30))) {
            user = reload().users.get(userId); // someone added a minute ago: look once more
        }
        return Optional.ofNullable(user);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current.loadedAt.plus(properties.refresh()).isAfter(clock.instant())) {
            return current;
        }
        return reload();
    }

    private synchronized Snapshot reload() {
        if (snapshot.loadedAt.isAfter(clock.instant().minusSeconds(1))) {
            return snapshot; // another caller just reloaded it
        }
        try {
            snapshot = new Snapshot(load(), clock.instant());
        } catch (RestClientException e) {
            if (snapshot.users.isEmpty()) {
                throw new IllegalStateException("User directory unavailable: " + e.getMessage(), e);
            }
            // keep serving the last snapshot for another interval instead of asking again on every call
            snapshot = new Snapshot(snapshot.users, clock.instant());
            log.warn("Could not refresh the user directory, serving the snapshot of {}: {}", snapshot.loadedAt, e.getMessage());
        }
        return snapshot;
    }

    private Map<String, DirectoryUser> load() {
        String token = serviceToken();
        String realm = "/admin/realms/" + properties.realm();
        Map<String, Set<String>> groupsOf = new HashMap<>();
        for (JsonNode group : get(token, realm + "/groups?briefRepresentation=true&max=" + PAGE)) {
            String name = group.path("name").asString();
            for (JsonNode member : pages(token, realm + "/groups/" + group.path("id").asString() + "/members?briefRepresentation=true")) {
                groupsOf.computeIfAbsent(member.path("id").asString(), id -> new HashSet<>()).add(name);
            }
        }
        Map<String, Set<String>> rolesOf = new HashMap<>();
        for (String role : properties.roles()) {
            for (JsonNode member : pages(token, realm + "/roles/" + role + "/users?briefRepresentation=true")) {
                rolesOf.computeIfAbsent(member.path("id").asString(), id -> new HashSet<>()).add(role);
            }
        }
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        for (JsonNode user : pages(token, realm + "/users?briefRepresentation=true")) {
            if (user.hasNonNull("serviceAccountClientId") || user.path("username").asString().startsWith("service-account-")) {
                continue;
            }
            String id = user.path("id").asString();
            String username = user.path("username").asString();
            String name = (user.path("firstName").asString("") + " " + user.path("lastName").asString("")).trim();
            users.put(id, new DirectoryUser(id, username, name.isEmpty() ? username : name,
                    user.path("email").asString(null), Set.copyOf(groupsOf.getOrDefault(id, Set.of())),
                    Set.copyOf(rolesOf.getOrDefault(id, Set.of())), user.path("enabled").asBoolean(true)));
        }
        log.info("User directory loaded: {} users", users.size());
        return Map.copyOf(users);
    }

    private List<JsonNode> pages(String token, String path) {
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int first = 0; ; first += PAGE) {
            JsonNode page = get(token, path + separator + "first=" + first + "&max=" + PAGE);
            page.forEach(all::add);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private JsonNode get(String token, String path) {
        return keycloak.get().uri(path).headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class);
    }

    private String serviceToken() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        JsonNode response = keycloak.post()
                .uri("/realms/" + properties.realm() + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        return response.required("access_token").asString();
    }

    private record Snapshot(Map<String, DirectoryUser> users, Instant loadedAt) {
    }

    /** Configuration under {@code crm.users}. */
    @org.springframework.boot.context.properties.ConfigurationProperties("crm.users")
    public record UserDirectoryProperties(
            @org.springframework.boot.context.properties.bind.DefaultValue("http://127.0.0.1:8180") String url,
            @org.springframework.boot.context.properties.bind.DefaultValue("crm") String realm,
            @org.springframework.boot.context.properties.bind.DefaultValue("crm-services") String clientId,
            String clientSecret,
            @org.springframework.boot.context.properties.bind.DefaultValue("60s") Duration refresh,
            @org.springframework.boot.context.properties.bind.DefaultValue({"crm-admin", "crm-head", "crm-manager",
                    "section-mail", "section-analytics", "section-settings", "section-unsorted"}) List<String> roles) {
    }
}
