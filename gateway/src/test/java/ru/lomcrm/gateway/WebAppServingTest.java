package ru.lomcrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.platform.testing.Tokens;

/**
 * The browser app's addresses: a page navigation to any of the app's own paths gets index.html
 * (not cached), hashed assets are cached for a year, and the server's own paths are never
 * swallowed by the app. Test fixtures stand in for the built app (src/test/resources/static).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppServingTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String MARKER = "data-test=\"spa-index\"";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String accept, boolean signedIn) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).GET();
        if (signedIn) {
            request.header("Authorization", "Bearer " + Tokens.of("manager1"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deepLinksOfTheAppAnswerWithIndexHtmlThatIsRevalidatedEveryTime() throws Exception {
        for (String path : new String[] {"/", "/deals/3f2b8c1e-0000-4000-8000-000000000001", "/tasks?view=calendar", "/lists/companies", "/profile"}) {
            var response = get(path, HTML, true);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains(MARKER);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        var response = get("/assets/app-test.js", "*/*", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("spa-asset");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=31536000", "public", "immutable"));
    }

    @Test
    void aMissingAssetIsA404NotThePage() throws Exception {
        var response = get("/assets/gone-1234.js", HTML, true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(MARKER);
    }

    @Test
    void theServersOwnPathsAreNeverAnsweredWithThePage() throws Exception {
        assertThat(get("/api/deals-nowhere", HTML, true).body()).doesNotContain(MARKER);
        assertThat(get("/api/me", HTML, true).body()).contains("manager1").doesNotContain(MARKER);
        assertThat(get("/actuator/health", HTML, false).body()).contains("\"status\"").doesNotContain(MARKER);
        var signIn = get("/oauth2/authorization/keycloak", HTML, false);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/realms/crm/protocol/openid-connect/auth"));
        assertThat(get("/login/oauth2/code/keycloak", HTML, false).body()).doesNotContain(MARKER);
        assertThat(get("/favicon.ico", HTML, false).body()).doesNotContain(MARKER);
    }

    @Test
    void aDataRequestToAnAppPathIsNotAnsweredWithThePage() throws Exception {
        var response = get("/deals/3f2b8c1e-0000-4000-8000-000000000001", "application/json", true);

        assertThat(response.body()).doesNotContain(MARKER);
    }

    @Test
    void aSignedOutNavigationToADeepLinkGoesToTheSignInFirst() throws Exception {
        var response = get("/deals/3f2b8c1e-0000-4000-8000-000000000001", HTML, false);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    void theProfilePageCanAskKeycloakForAPasswordChangeButForNothingElse() throws Exception {
        var change = get("/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD", HTML, false);
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(change.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("kc_action=UPDATE_PASSWORD", "code_challenge="));

        var other = get("/oauth2/authorization/keycloak?kc_action=delete_account", HTML, false);
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("kc_action"));
    }
}
