package ru.lomcrm.deal.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.deal.KnownParties;
import ru.lomcrm.platform.testing.CrmServiceTest;

/** Names on the board come from party-service's events, replicated here; nothing calls party-service. */
@CrmServiceTest(database = "crm_deal")
class PartyNamesOnDealsTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private DealApiFixture api;
    private KnownParties parties;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
        parties = new KnownParties(jdbc);
    }

    @Test
    void theBoardAndTheListShowAndFindTheContactAndCompanyByNameAndPhone() throws Exception {
        String phone = "+7916" + (1000000 + (System.nanoTime() % 8999999));
        UUID contactId = parties.contactOf("manager1", "Пётр Сидоров", phone);
        UUID companyId = parties.companyOf("manager1", "ООО Уралвтормет");
        String dealId = api.dealOf("manager1", "contactId", contactId, "companyId", companyId).path("id").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode card = api.as("manager1").get("/api/deals/" + dealId).json();
            assertThat(card.path("contact").path("name").asString()).isEqualTo("Пётр Сидоров");
            assertThat(card.path("company").path("name").asString()).isEqualTo("ООО Уралвтормет");
        });
        String digits = phone.substring(2);
        assertThat(api.as("manager1").get("/api/deals?q=" + "8%20(" + digits.substring(0, 3) + ")%20" + digits.substring(3) + "&size=500")
                .json().path("items").findValuesAsString("id")).contains(dealId);
        assertThat(api.as("manager1").get("/api/deals?q=уралвтормет&size=500").json().path("items").findValuesAsString("id")).contains(dealId);

        parties.publish(contactId, new ContactUpdated(contactId, "Пётр Сидоров-Иванов", List.of(phone), List.of()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.as("manager1").get("/api/funnels/scrap/board?stage=lead&limit=200")
                .json().toString()).contains("Пётр Сидоров-Иванов"));
    }

    @Test
    void dealsOfAMergedDuplicateFollowTheSurvivor() throws Exception {
        UUID survivor = parties.contactOf("manager1", "Пётр Сидоров");
        UUID duplicate = parties.contactOf("manager1", "Петя Сидоров");
        UUID company = parties.companyOf("manager1", "ООО Лом");
        String dealId = api.dealOf("manager1", "contactId", duplicate, "companyId", company).path("id").asString();
        String untouched = api.dealOf("manager1", "companyId", company).path("id").asString();

        parties.publish(survivor, new PartiesMerged(survivor, duplicate, "contact", "один человек"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.as("manager1").get("/api/deals/" + dealId).json().path("contact").path("id").asString())
                        .isEqualTo(survivor.toString()));
        JsonNode card = api.as("manager1").get("/api/deals/" + dealId).json();
        assertThat(card.path("company").path("id").asString()).isEqualTo(company.toString());
        assertThat(api.as("manager1").get("/api/deals?contactId=" + survivor).json().path("total").asInt()).isEqualTo(1);
        assertThat(api.as("manager1").get("/api/deals/" + untouched).json().path("contact").isMissingNode()).isTrue();
        assertThat(api.as("manager1").get("/api/deals/" + dealId + "/history").json().toString()).contains("DealUpdated");

        // a deal naming the merged duplicate from now on names the survivor
        String later = api.dealOf("manager1", "contactId", duplicate).path("id").asString();
        assertThat(api.as("manager1").get("/api/deals/" + later).json().path("contact").path("id").asString()).isEqualTo(survivor.toString());
    }

    @Test
    void aDealCannotTakeAClientTheAuthorDoesNotSee() throws Exception {
        UUID theirs = parties.contactOf("manager1", "Клиент менеджера 1");
        UUID company = parties.companyOf("manager1", "ООО Чужая");

        var refused = api.as("manager2").post("/api/deals", java.util.Map.of("title", "Увод", "contactId", theirs));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("contactId");
        assertThat(refused.json().path("detail").asString()).isEqualTo("Контакт не найден.");
        String own = api.dealOf("manager2").path("id").asString();
        assertThat(api.as("manager2").patch("/api/deals/" + own, java.util.Map.of("companyId", company)).status()).isEqualTo(422);
        assertThat(api.as("manager1").post("/api/deals", java.util.Map.of("title", "Не тот тип", "contactId", company)).status()).isEqualTo(422);

        assertThat(api.dealOf("head", "contactId", theirs, "ownerId", KnownParties.userId("manager1")).path("contact").path("id").asString())
                .isEqualTo(theirs.toString());
    }
}
