package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.lomcrm.e2e.SystemUnderTest.as;
import static ru.lomcrm.e2e.SystemUnderTest.created;
import static ru.lomcrm.e2e.SystemUnderTest.items;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Неразобранное → a deal with a person on it (rule 5 for what comes in from outside): accepting a
 * lead finds the caller among the contacts by phone or e-mail or makes them a contact of the manager
 * who took it, links it to the new deal, and the lead's own words are the deal's first note.
 */
class AcceptedLeadsThroughTheGatewayTest {

    private static String freshPhoneDigits() {
        return String.valueOf(1000000 + Math.floorMod(System.nanoTime(), 8999999L));
    }

    private static String lead(String user, Map<String, Object> body) {
        var received = as(user).post("/api/unsorted", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> as(user).get("/api/unsorted").json().path("items").findValuesAsString("id")
                .contains(id));
        return id;
    }

    @Test
    void anAcceptedLeadBecomesAContactOfTheManagerWithTheMessageFirstInTheFeed() {
        String digits = freshPhoneDigits();
        String leadId = lead("manager1", Map.of("source", "form", "name", "Пётр Ломакин", "phone", "8 (915) " + digits,
                "message", "Есть 12 т чугуна, заберёте?"));

        var accepted = as("manager1").post("/api/unsorted/" + leadId + "/accept", Map.of());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode deal = accepted.json();
        String contactId = deal.path("contact").path("id").asString();
        assertThat(contactId).as(deal.toString()).isNotBlank();
        JsonNode contact = as("manager1").get("/api/contacts/" + contactId).json();
        assertThat(contact.path("name").asString()).isEqualTo("Пётр Ломакин");
        assertThat(contact.path("card").path("phones").toString()).contains("+7915" + digits);
        assertThat(contact.path("owner").path("username").asString()).isEqualTo("manager1");
        // the identification rules see the number now: nobody else can take this person
        var stolen = as("client1").post("/api/contacts", Map.of("name", "Пётр", "phones", List.of("+7 915 " + digits)));
        assertThat(stolen.status()).isEqualTo(409);

        JsonNode history = as("manager1").get("/api/deals/" + deal.path("id").asString() + "/history").json().path("items");
        JsonNode oldestFirstAfterCreation = history.get(history.size() - 2);
        assertThat(history.get(history.size() - 1).path("type").asString()).isEqualTo("DealCreated");
        assertThat(oldestFirstAfterCreation.path("type").asString()).isEqualTo("DealNoteAdded");
        assertThat(oldestFirstAfterCreation.path("changes").path("text").path("to").asString())
                .contains("Заявка с сайта", "Есть 12 т чугуна, заберёте?", "Телефон");
        assertThat(as("manager1").post("/api/unsorted/" + leadId + "/accept", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aLeadFromAKnownCallerIsLinkedToTheirContactNotDoubled() {
        String digits = freshPhoneDigits();
        String email = "lead" + digits + "@metall.test";
        String contactId = created(as("manager1").post("/api/contacts",
                Map.of("name", "Сергей Медь", "phones", List.of("+7 916 " + digits), "emails", List.of(email))));
        await().atMost(Duration.ofSeconds(60)).until(() -> as("manager1").get("/api/contacts/" + contactId).status() == 200);

        String byPhone = lead("manager1", Map.of("source", "call", "phone", "+7 916 " + digits));
        JsonNode first = as("manager1").post("/api/unsorted/" + byPhone + "/accept", Map.of()).json();
        String byEmail = lead("manager1", Map.of("source", "mail", "name", "С. Медь", "email", email.toUpperCase()));
        // a head accepts for their group: manager1's contact is visible to them, so it is the one linked
        var second = as("head").post("/api/unsorted/" + byEmail + "/accept", Map.of());

        assertThat(first.path("contact").path("id").asString()).isEqualTo(contactId);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("contact").path("id").asString()).isEqualTo(contactId);
        assertThat(items(as("admin").get("/api/contacts?q=" + digits))).hasSize(1);
    }

    @Test
    void aLeadFromAnotherManagersClientIsRefusedNamingTheOwnerAndStaysUnsorted() {
        String digits = freshPhoneDigits();
        created(as("manager2").post("/api/contacts", Map.of("name", "Анна Латунь", "phones", List.of("+7 917 " + digits))));
        String leadId = lead("manager1", Map.of("source", "form", "name", "Анна " + digits, "phone", "+7 917 " + digits, "message", "Латунь 2 т"));

        var refused = as("manager1").post("/api/unsorted/" + leadId + "/accept", Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        String ownerName = refused.json().path("owner").path("name").asString();
        assertThat(ownerName).isNotBlank();
        assertThat(refused.json().path("detail").asString()).contains("Анна Латунь", ownerName);
        assertThat(refused.json().path("owner").path("username").asString()).isEqualTo("manager2");
        JsonNode pending = as("manager1").get("/api/unsorted").json().path("items");
        assertThat(pending.findValuesAsString("id")).contains(leadId);
        assertThat(items(as("admin").get("/api/deals?q=" + digits))).isEmpty();
    }

    @Test
    void theCallersOwnContactIsLinkedEvenWhenAnotherManagerHasOneWithTheSameNumber() {
        String digits = freshPhoneDigits();
        created(as("manager2").post("/api/contacts", Map.of("name", "Ольга Чермет", "phones", List.of("+7 918 " + digits))));
        // an admin knowingly recorded the same number for manager1 too (a forced duplicate, on record)
        var forced = as("admin").post("/api/contacts", Map.of("name", "Ольга Чермет (склад)", "phones", List.of("+7 918 " + digits),
                "ownerId", as("manager1").get("/api/me").json().path("id").asString(), "force", true));
        assertThat(forced.status()).as(forced.toString()).isEqualTo(201);
        String own = forced.json().path("id").asString();
        String leadId = lead("manager1", Map.of("source", "call", "phone", "8 918 " + digits));

        var accepted = as("manager1").post("/api/unsorted/" + leadId + "/accept", Map.of());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().path("contact").path("id").asString()).isEqualTo(own);
    }

    @Test
    void anAddressIdentificationCannotUseDoesNotStopTheLeadItStaysInTheMessage() {
        String leadId = lead("manager1", Map.of("source", "mail", "name", "Иван Без Домена " + freshPhoneDigits(), "email", "ivan@mail",
                "message", "Пишите на ivan@mail"));

        var accepted = as("manager1").post("/api/unsorted/" + leadId + "/accept", Map.of());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode contact = as("manager1").get("/api/contacts/" + accepted.json().path("contact").path("id").asString()).json();
        assertThat(contact.path("card").path("emails").size()).isZero();
        JsonNode history = as("manager1").get("/api/deals/" + accepted.json().path("id").asString() + "/history").json().path("items");
        assertThat(history.toString()).contains("E-mail: ivan@mail");
    }
}
