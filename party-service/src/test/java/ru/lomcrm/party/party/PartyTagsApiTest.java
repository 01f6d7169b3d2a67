package ru.lomcrm.party.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.party.PartyApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_party")
class PartyTagsApiTest {

    @LocalServerPort
    int port;

    private PartyApiFixture api;

    @BeforeEach
    void setUp() {
        api = new PartyApiFixture(port);
    }

    @Test
    void clientsAreFoundByTheirTagsAndATagComesOffAgain() {
        String unique = "#далеко везти " + System.nanoTime();
        String slow = api.contactOf("manager1").path("id").asString();
        String both = api.contactOf("manager1").path("id").asString();
        String untagged = api.contactOf("manager1").path("id").asString();
        var tagged = api.as("manager1").post("/api/contacts/" + slow + "/tags", Map.of("tags", List.of("Долгая   оплата", unique)));
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.json().path("tags").toString()).contains("#Долгая оплата");
        api.as("manager1").post("/api/contacts/" + both + "/tags", Map.of("tags", List.of(unique, "#нужна доставка денег")));

        assertThat(ids("tags=" + enc(unique))).contains(slow, both).doesNotContain(untagged);
        assertThat(ids("tags=" + enc(unique.toUpperCase(java.util.Locale.ROOT)))).as("found whatever the case").contains(slow, both);
        assertThat(ids("tags=" + enc(unique) + "&tags=" + enc("#нужна доставка денег") + "&tagsMode=all")).containsExactly(both);

        var removed = api.as("manager1").delete("/api/contacts/" + slow + "/tags?tag=" + enc(unique));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(ids("tags=" + enc(unique))).containsExactly(both);

        var empty = api.as("manager1").post("/api/contacts/" + slow + "/tags", Map.of("tags", List.of("  #  ")));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.isProblem()).isTrue();
    }

    private List<String> ids(String query) {
        List<String> ids = new java.util.ArrayList<>();
        api.as("manager1").get("/api/contacts?size=500&" + query).json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
