package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser does, step by step, with real redirects and cookies: the gateway sends an
 * unknown visitor to Keycloak's Russian sign-in page (authorization code + PKCE), takes them
 * back with a session cookie only, relays their token to the services, demands the CSRF
 * header on changes, and signs them out.
 */
class BrowserSignInTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String gateway = java.lang.System.getProperty("crm.gateway-url", "http://localhost:8080");
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    // HTTP/1.1 like a browser on http://: the JDK's default h2c upgrade attempt on a refused POST could leave the exchange hanging
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new LoopbackSecureContext(cookies)).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();

    @Test
    void aManagerSignsInThroughKeycloakWorksWithASessionCookieAndSignsOut() throws Exception {
        // 1. An unknown visitor opening the app is sent to Keycloak, with PKCE and the Russian UI.
        var start = send(get(gateway + "/").header("Accept", "text/html"));
        assertThat(start.statusCode()).isEqualTo(302);
        var authorize = send(get(absolute(gateway, location(start))));
        String keycloakLogin = location(authorize);
        assertThat(keycloakLogin).contains("/realms/crm/protocol/openid-connect/auth", "code_challenge=", "code_challenge_method=S256",
                "ui_locales=ru");

        // 2. Keycloak's sign-in page is in Russian and offers password recovery.
        var page = send(get(keycloakLogin));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Забыли пароль?");
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("login form on the page").isTrue();

        // 3. Credentials go to Keycloak only; it sends the browser back to the gateway with a code.
        var signedIn = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager1&password=" + URLEncoder.encode("demo-manager1", StandardCharsets.UTF_8)
                        + "&credentialId=")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String callback = location(signedIn);
        assertThat(callback).startsWith(gateway + "/login/oauth2/code/keycloak").contains("code=");
        var back = send(get(callback));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).endsWith("/");

        // 4. The browser holds a session cookie, never a token.
        var me = send(get(gateway + "/api/me").header("Accept", "application/json"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.path("username").asString()).isEqualTo("manager1");
        assertThat(user.path("groups").toString()).contains("Активные продажи");
        assertThat(user.path("phone").asString()).isEqualTo("+79161000003");
        assertThat(cookieNames()).contains("SESSION").noneMatch(name -> name.toLowerCase().contains("token") && !name.equals("XSRF-TOKEN"));

        // 5. A change without the CSRF header is refused; with it, the token is relayed to deal-service.
        String body = "{\"title\":\"Лом с сайта\"}";
        var withoutCsrf = send(post(gateway + "/api/deals", body));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        var withCsrf = send(post(gateway + "/api/deals", body).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
        assertThat(json.readTree(withCsrf.body()).path("owner").path("username").asString()).isEqualTo("manager1");

        // 6. Signing out ends the session here and at Keycloak.
        var logout = send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).contains("/realms/crm/protocol/openid-connect/logout");
        var afterLogout = send(get(gateway + "/api/me").header("Accept", "application/json"));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
    }

    /**
     * Browsers treat http://localhost and http://127.0.0.1 as secure contexts and send
     * {@code Secure} cookies there (Keycloak marks its session cookies Secure); Java's cookie
     * manager only does so over https. This makes it behave like the browser on loopback.
     */
    private static final class LoopbackSecureContext extends java.net.CookieHandler {
        private final CookieManager delegate;

        LoopbackSecureContext(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws IOException {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (loopback && "http".equals(uri.getScheme())) {
                uri = URI.create("https" + uri.toString().substring(4));
            }
            return delegate.get(uri, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws IOException {
            delegate.put(uri, headers);
        }
    }

    @Test
    void forgotPasswordSendsARecoveryMailToTheUsersAddress() throws Exception {
        String mailbox = "http://127.0.0.1:8025/api/user/manager2@lomcrm.local/messages/INBOX";
        int mailsBefore = mailCount(mailbox);

        var authorize = send(get(gateway + "/oauth2/authorization/keycloak"));
        var page = send(get(location(authorize)));
        Matcher forgot = Pattern.compile("href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"").matcher(page.body());
        assertThat(forgot.find()).as("«Забыли пароль?» link on the sign-in page").isTrue();
        var resetPage = send(get(absolute(KeycloakUrl.get(), forgot.group(1).replace("&amp;", "&"))));
        Matcher resetForm = Pattern.compile("<form[^>]*id=\"kc-reset-password-form\"[^>]*action=\"([^\"]+)\"").matcher(resetPage.body());
        assertThat(resetForm.find()).as("reset form").isTrue();

        var requested = send(HttpRequest.newBuilder(URI.create(resetForm.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager2")));
        assertThat(requested.statusCode()).isIn(200, 302);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> mailCount(mailbox) > mailsBefore);
        JsonNode mails = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailbox)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(mails.toString()).contains("Сброс пароля", "login-actions/action-token");
    }

    /** Messages in a GreenMail mailbox (its REST API on 8025); an unknown mailbox has none. */
    private static int mailCount(String mailboxUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailboxUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()).size() : 0;
    }

    private HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private HttpRequest.Builder post(String url, String jsonBody) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location on " + response));
    }

    private static String absolute(String base, String location) {
        return location.startsWith("http") ? location : base + location;
    }

    private java.util.List<String> cookieNames() {
        return cookies.getCookieStore().get(URI.create(gateway)).stream().map(HttpCookie::getName).toList();
    }

    private String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(gateway)).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " among " + cookieNames()));
    }
}
