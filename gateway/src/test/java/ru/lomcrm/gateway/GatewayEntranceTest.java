package ru.lomcrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/** The gateway against the real Keycloak (started by ./crm infra up). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEntranceTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.at("http://127.0.0.1:" + port);
    }

    @Test
    void meTellsWhoIsCallingWithPhoneRolesAndGroups() {
        var response = api.withToken(Tokens.of("manager1")).get("/api/me");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.path("username").asString()).isEqualTo("manager1");
        assertThat(me.path("name").asString()).isEqualTo("Павел Первов");
        assertThat(me.path("email").asString()).isEqualTo("manager1@lomcrm.local");
        assertThat(me.path("phone").asString()).as("typed in the profile as 8 (916) 100-00-03").isEqualTo("+79161000003");
        assertThat(me.path("roles").toString()).contains("crm-manager", "section-unsorted").doesNotContain("crm-admin");
        assertThat(me.path("groups").toString()).contains("Активные продажи");
        assertThat(me.path("id").asString()).hasSize(36);
    }

    @Test
    void usersListsTheActiveStaffWithGroupsAndRolesButNoServiceAccounts() {
        var response = api.withToken(Tokens.of("head")).get("/api/users");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items.findValuesAsString("username"))
                .contains("admin", "head", "head2", "manager1", "manager2", "client1")
                .noneMatch(name -> name.startsWith("service-account"));
        JsonNode client1 = null;
        for (JsonNode user : items) {
            if ("client1".equals(user.path("username").asString())) {
                client1 = user;
            }
        }
        assertThat(client1).isNotNull();
        assertThat(client1.path("groups").toString()).contains("Клиентский отдел");
        assertThat(client1.path("roles").toString()).contains("crm-manager");
        assertThat(client1.path("name").asString()).isEqualTo("Олег Клиентов");
    }

    @Test
    void anApiCallWithoutSessionOrTokenGets401ProblemNotARedirect() {
        var response = api.get("/api/deals");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    @Test
    void aForgedTokenGets401() {
        var response = api.withToken(Tokens.forged(Tokens.of("manager1"))).get("/api/me");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aPageNavigationWithoutSessionIsSentToTheKeycloakSignIn() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmGets401() {
        var response = api.withToken(Tokens.ofForeignClient("manager1")).get("/api/users");

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aManagerSeesColleaguesNamesButNotTheirEmailsOrRoles() {
        var response = api.withToken(Tokens.of("manager1")).get("/api/users");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items.findValuesAsString("username")).contains("head", "manager2");
        for (JsonNode user : items) {
            assertThat(user.has("email")).as(user.toString()).isFalse();
            assertThat(user.has("roles")).as(user.toString()).isFalse();
            assertThat(user.path("name").asString()).isNotBlank();
            assertThat(user.has("groups")).isTrue();
            assertThat(user.has("enabled")).isTrue();
        }
    }

    @Test
    void aHeadSeesColleaguesEmails() {
        var response = api.withToken(Tokens.of("head")).get("/api/users");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("items").findValuesAsString("email")).contains("manager1@lomcrm.local");
    }

    @Test
    void metricsAreNotOpenToAnyoneButHealthIs() {
        var anonymous = api.get("/actuator/prometheus");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        var manager = api.withToken(Tokens.of("manager1")).get("/actuator/prometheus");
        assertThat(manager.status()).as(manager.toString()).isEqualTo(403);
        assertThat(manager.isProblem()).isTrue();

        assertThat(api.get("/actuator/info").status()).isEqualTo(401);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }
}
