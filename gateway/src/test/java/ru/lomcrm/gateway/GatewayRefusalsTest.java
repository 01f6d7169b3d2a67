package ru.lomcrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway answers itself when it refuses: always problem+json with a Russian detail and
 * a stable code. deal-service is pointed at a closed port, task-service at a server that answers
 * too late. Runs without Keycloak (tokens signed with a test key: {@link TestJwts}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=700ms"})
class GatewayRefusalsTest {

    private static final String MANAGER = TestJwts.token("7c1d0000-0000-4000-8000-000000000001", "manager1", "crm-manager");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer SLOW = slowServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int closedPort = closed;
        TestJwts.register(registry);
        registry.add("DEAL_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
        registry.add("TASK_SERVICE_URL", () -> "http://127.0.0.1:" + SLOW.getAddress().getPort());
    }

    private static HttpServer slowServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSlowServer() {
        SLOW.stop(0);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return problem(response.body(), status, code);
    }

    private static JsonNode problem(String body, int status, String code) {
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.path("code").asString()).as(body).isEqualTo(code);
        assertThat(problem.path("type").asString()).isEqualTo("urn:lomcrm:problem:" + code);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).as(body).containsPattern("[А-Яа-яЁё]{3,}");
        return problem;
    }

    private static void rawProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        problem(response.body(), status, code);
    }

    @Test
    void aDeadServiceIs503ProblemNamingItWithRetryAfter() throws Exception {
        var response = send(request("/api/deals").header("Authorization", "Bearer " + MANAGER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Лом\"}")));

        JsonNode problem = problem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).isEqualTo("Сервис сделок временно недоступен, попробуйте через минуту.");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
    }

    @Test
    void aSlowServiceIs504Problem() throws Exception {
        var response = send(request("/api/tasks").header("Authorization", "Bearer " + MANAGER).GET());

        JsonNode problem = problem(response, 504, "upstream-timeout");
        assertThat(problem.path("detail").asString()).startsWith("Сервис задач не ответил вовремя");
    }

    @Test
    void anUnknownAddressIs404Problem() throws Exception {
        problem(send(request("/api/nowhere").header("Authorization", "Bearer " + MANAGER).GET()), 404, "not-found");
        problem(send(request("/assets/gone-1234.js").header("Authorization", "Bearer " + MANAGER).GET()), 404, "not-found");
    }

    @Test
    void aWrongMethodIs405ProblemWithAllow() throws Exception {
        var response = send(request("/api/me").header("Authorization", "Bearer " + MANAGER)
                .DELETE());

        problem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void anUnacceptableFormatIs406Problem() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Accept", "application/xml").header("Authorization", "Bearer " + MANAGER).GET());

        problem(response, 406, "not-acceptable");
    }

    @Test
    void anUnsupportedBodyFormatIs415Problem() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/me").contentType(MediaType.TEXT_PLAIN));
        var handler = new GatewayErrors().problemExceptionHandler(new Upstreams.BreakerProperties(null, null, null, null, null));

        handler.handle(exchange, new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN, java.util.List.of(MediaType.APPLICATION_JSON))).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(415);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        problem(exchange.getResponse().getBodyAsString().block(), 415, "unsupported-media-type");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIs403ProblemInWords() throws Exception {
        var response = send(request("/api/deals").header("Cookie", "SESSION=4d3c2b1a-stale")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        JsonNode problem = problem(response, 403, "csrf-token-invalid");
        assertThat(problem.path("detail").asString()).isEqualTo("Сеанс устарел или запрос пришёл не со страницы LomCRM — обновите страницу.");
    }

    @Test
    void withoutSignIn401Problem() throws Exception {
        problem(send(request("/api/deals").GET()), 401, "unauthenticated");
    }

    @Test
    void aTooLongAddressIs414Problem() throws Exception {
        String target = "/api/deals?q=" + "a".repeat(6_000);

        rawProblem(RawHttp.send(port, "GET", target, "Authorization", "Bearer " + MANAGER), 414, "uri-too-long");
        rawProblem(RawHttp.send(port, "GET", target), 414, "uri-too-long");
    }

    @Test
    void badPercentEncodingsAre400Problems() throws Exception {
        for (String target : new String[] {"/api/deals/%", "/api/deals/%zz", "/api/deals/a%2Fb", "/api/deals/%00", "/%"}) {
            var signedIn = RawHttp.send(port, "GET", target, "Authorization", "Bearer " + MANAGER);
            assertThat(signedIn.status()).as(target + " " + signedIn).isEqualTo(400);
            rawProblem(signedIn, 400, signedIn.body().contains("malformed-request") ? "malformed-request" : "request-rejected");
            var anonymous = RawHttp.send(port, "GET", target);
            assertThat(anonymous.status()).as(target + " " + anonymous).isEqualTo(400);
            assertThat(anonymous.header("Content-Type")).as(target + " " + anonymous).startsWith("application/problem+json");
        }
    }

    @Test
    void pagesCarryTheContentSecurityPolicyAndTheSessionCookieIsLaxAndHttpOnly() throws Exception {
        var signIn = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak")).header("Accept", "text/html").GET());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
                        "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self' http://127.0.0.1:8180")
                .doesNotContain("script-src 'self' 'unsafe-inline'"));
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");

        var api = send(request("/api/me").header("Authorization", "Bearer " + MANAGER).GET());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
