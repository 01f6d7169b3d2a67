package ru.lomcrm.platform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from Keycloak for the demo users (password grant of the public
 * {@code crm-cli} client), cached until shortly before they expire.
 */
public final class Tokens {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token for a demo user; the password is {@code demo-<username>}. */
    public static String of(String username) {
        return of(TestInfrastructure.endpoints().keycloakUrl(), username, "demo-" + username);
    }

    public static String of(String keycloakUrl, String username, String password) {
        return issued(keycloakUrl, "crm-cli", username, password);
    }

    /** A genuine token for a demo user, issued to another client of the realm (Keycloak's own {@code admin-cli}), not to LomCRM. */
    public static String ofForeignClient(String username) {
        return issued(TestInfrastructure.endpoints().keycloakUrl(), "admin-cli", username, "demo-" + username);
    }

    private static String issued(String keycloakUrl, String client, String username, String password) {
        String key = keycloakUrl + "|" + client + "|" + username;
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt.isAfter(Instant.now().plusSeconds(30))) {
            return cached.token;
        }
        String form = "grant_type=password&client_id=" + client + "&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder()
                            .uri(URI.create(keycloakUrl + "/realms/crm/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            String token = body.required("access_token").asString();
            cache.put(key, new Cached(token, Instant.now().plusSeconds(body.path("expires_in").asLong(60))));
            return token;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloakUrl + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A forgery: the real token with its claims changed (made an admin) but the original
     * signature kept. Any service that checks signatures must refuse it.
     */
    public static String forged(String realToken) {
        String[] parts = realToken.split("\\.");
        var claims = (tools.jackson.databind.node.ObjectNode) json.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        claims.putArray("roles").add("crm-admin");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private record Cached(String token, Instant expiresAt) {
    }
}
