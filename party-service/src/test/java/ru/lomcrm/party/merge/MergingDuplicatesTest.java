package ru.lomcrm.party.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.party.PartyApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.TopicProbe;

@CrmServiceTest(database = "crm_party")
class MergingDuplicatesTest {

    @LocalServerPort
    int port;

    private PartyApiFixture api;

    @BeforeEach
    void setUp() {
        api = new PartyApiFixture(port);
    }

    @Test
    void afterAMergeOneCardHoldsBothPhonesTheDeliveriesAndTheWholeHistory() throws Exception {
        String survivorPhone = PartyApiFixture.phone();
        String duplicatePhone = PartyApiFixture.phone();
        String survivor = api.contactOf("manager1", "Пётр Сидоров", survivorPhone).path("id").asString();
        String duplicate = api.contactOf("manager2", "Петя Сидоров", duplicatePhone).path("id").asString();
        api.as("manager2").post("/api/contacts/" + duplicate + "/tags", Map.of("tags", List.of("#нужна доставка денег")));
        UUID dealId = UUID.randomUUID();
        PartyApiFixture.publishToDealTopic(dealId, PartyApiFixture.delivery(dealId, UUID.fromString(duplicate), null, 1),
                PartyApiFixture.delivery(dealId, UUID.fromString(duplicate), null, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as("manager2").get("/api/contacts/" + duplicate).json().path("deliveries").asInt() == 2);

        try (var partyTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.PARTY))) {
            var merged = api.as("head").post("/api/contacts/" + survivor + "/merge", Map.of("duplicateId", duplicate, "reason", "один человек"));

            assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
            JsonNode card = merged.json();
            assertThat(card.path("card").path("phones").toString()).contains(digits(survivorPhone), digits(duplicatePhone));
            assertThat(card.path("deliveries").asInt()).isEqualTo(2);
            assertThat(card.path("tags").toString()).contains("#нужна доставка денег");
            assertThat(card.path("owner").path("username").asString()).isEqualTo("manager1");

            partyTopic.await(r -> survivor.equals(r.key()) && r.value().contains("\"PartiesMerged\"") && r.value().contains(duplicate),
                    Duration.ofSeconds(60));
        }

        JsonNode old = api.as("head").get("/api/contacts/" + duplicate).json();
        assertThat(old.path("mergedInto").asString()).isEqualTo(survivor);
        assertThat(api.as("head").get("/api/contacts?size=500").json().path("items").findValuesAsString("id"))
                .contains(survivor).doesNotContain(duplicate);
        assertThat(api.as("manager2").patch("/api/contacts/" + duplicate, Map.of("notes", "ещё")).status()).isEqualTo(409);

        JsonNode history = api.as("manager1").get("/api/contacts/" + survivor + "/history").json().path("items");
        assertThat(history.findValuesAsString("type")).contains("PartiesMerged", "ContactCreated", "PartyTagged");
        assertThat(history.findValuesAsString("partyId")).contains(survivor, duplicate);
        List<String> survivorsOwn = new java.util.ArrayList<>();
        history.forEach(entry -> {
            if (survivor.equals(entry.path("partyId").asString())) {
                survivorsOwn.add(entry.path("type").asString());
            }
        });
        assertThat(survivorsOwn.indexOf("ContactUpdated")).as("newest first: what the merge brought after the merge itself")
                .isLessThan(survivorsOwn.indexOf("PartiesMerged")).isNotNegative();
        assertThat(survivorsOwn).last().isEqualTo("ContactCreated");

        // the phone of the duplicate now identifies the survivor
        var duplicates = api.as("manager1").get("/api/parties/duplicates?phone=" + URLEncoder.encode(duplicatePhone, StandardCharsets.UTF_8));
        assertThat(duplicates.json().path("items").findValuesAsString("partyId")).containsExactly(survivor);

        // a delivery of a deal still naming the duplicate counts for the survivor
        UUID laterDeal = UUID.randomUUID();
        PartyApiFixture.publishToDealTopic(laterDeal, PartyApiFixture.delivery(laterDeal, UUID.fromString(duplicate), null, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as("manager1").get("/api/contacts/" + survivor).json().path("deliveries").asInt() == 3);
    }

    @Test
    void contactsOfAMergedCompanyWorkForTheSurvivor() {
        String survivor = api.companyOf("manager1", "ООО Вторчермет").path("id").asString();
        String duplicate = api.companyOf("manager1", "Вторчермет ООО").path("id").asString();
        String contact = api.contactOf("manager1").path("id").asString();
        assertThat(api.as("manager1").post("/api/contacts/" + contact + "/companies/" + duplicate, Map.of()).status()).isEqualTo(200);

        var merged = api.as("admin").post("/api/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate, "reason", "одна фирма"));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String companies = api.as("manager1").get("/api/contacts/" + contact).json().path("companyIds").toString();
            assertThat(companies).contains(survivor).doesNotContain(duplicate);
        });
    }

    @Test
    void aContactAndACompanyCannotBeMergedNorAPartyWithItself() {
        String contact = api.contactOf("manager1").path("id").asString();
        String company = api.companyOf("manager1", "ООО Лом").path("id").asString();

        assertThat(api.as("head").post("/api/contacts/" + contact + "/merge", Map.of("duplicateId", company, "reason", "дубль")).status())
                .isEqualTo(404);
        var self = api.as("head").post("/api/contacts/" + contact + "/merge", Map.of("duplicateId", contact, "reason", "дубль"));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().path("detail").asString()).isEqualTo("Запись нельзя объединить саму с собой.");
        assertThat(self.isProblem()).isTrue();
        var missing = api.as("head").post("/api/contacts/" + contact + "/merge", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        var noReason = api.as("head").post("/api/contacts/" + contact + "/merge", Map.of("duplicateId", UUID.randomUUID().toString()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("укажите причину");
        // nothing was half-done
        assertThat(api.as("head").get("/api/contacts/" + contact).json().path("mergedInto").isMissingNode()).isTrue();
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "").substring(1);
    }
}
