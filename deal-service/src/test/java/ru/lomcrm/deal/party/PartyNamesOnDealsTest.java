package ru.lomcrm.deal.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.IntegrationEvent;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;

/** Names on the board come from party-service's events, replicated here; nothing calls party-service. */
@CrmServiceTest(database = "crm_deal")
class PartyNamesOnDealsTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @Test
    void theBoardAndTheListShowAndFindTheContactAndCompanyByNameAndPhone() throws Exception {
        UUID contactId = UUID.randomUUID();
        UUID companyId = UUID.randomUUID();
        String phone = "+7916" + (1000000 + (System.nanoTime() % 8999999));
        publish(contactId, new ContactCreated(contactId, "Пётр Сидоров", List.of(phone), List.of(), "u"));
        publish(companyId, new CompanyCreated(companyId, "ООО Уралвтормет", "7707083893", List.of(), List.of(), "u"));
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

        publish(contactId, new ContactUpdated(contactId, "Пётр Сидоров-Иванов", List.of(phone), List.of()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.as("manager1").get("/api/funnels/scrap/board?stage=lead&limit=200")
                .json().toString()).contains("Пётр Сидоров-Иванов"));
    }

    @Test
    void dealsOfAMergedDuplicateFollowTheSurvivor() throws Exception {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        publish(survivor, new ContactCreated(survivor, "Пётр Сидоров", List.of(), List.of(), "u"));
        String dealId = api.dealOf("manager1", "contactId", duplicate, "companyId", company).path("id").asString();
        String untouched = api.dealOf("manager1", "companyId", company).path("id").asString();

        publish(survivor, new PartiesMerged(survivor, duplicate, "contact", "один человек"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.as("manager1").get("/api/deals/" + dealId).json().path("contact").path("id").asString())
                        .isEqualTo(survivor.toString()));
        JsonNode card = api.as("manager1").get("/api/deals/" + dealId).json();
        assertThat(card.path("company").path("id").asString()).isEqualTo(company.toString());
        assertThat(api.as("manager1").get("/api/deals?contactId=" + survivor).json().path("total").asInt()).isEqualTo(1);
        assertThat(api.as("manager1").get("/api/deals/" + untouched).json().path("contact").isMissingNode()).isTrue();
        assertThat(api.as("manager1").get("/api/deals/" + dealId + "/history").json().toString()).contains("DealUpdated");
    }

    private static void publish(UUID key, IntegrationEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.endpoints().kafkaBootstrap(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
            String value = EventJson.write(new EventEnvelope<>(UUID.randomUUID(), event.eventType(), key.toString(), 0, Instant.now(), "u", event));
            producer.send(new ProducerRecord<>(TestInfrastructure.topic(Topics.PARTY), key.toString(), value)).get();
        }
    }
}
