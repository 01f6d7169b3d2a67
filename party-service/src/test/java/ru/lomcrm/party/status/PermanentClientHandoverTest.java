package ru.lomcrm.party.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.party.PartyApiFixture;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_party")
class PermanentClientHandoverTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private PartyApiFixture api;

    @BeforeEach
    void setUp() {
        api = new PartyApiFixture(port);
    }

    @Test
    void aPermanentClientIsHandedOverToTheClientDepartmentWithItsContact() throws Exception {
        String company = api.companyOf("manager1", "ООО Постоянный " + System.nanoTime()).path("id").asString();
        String contact = api.contactOf("manager1").path("id").asString();
        String head2 = PartyApiFixture.userId("head2");
        assertThat(api.as("head2").get("/api/companies/" + company).status()).isEqualTo(404);

        UUID dealId = UUID.randomUUID();
        var created = new DealCreated(dealId, "ООО Постоянный", "permanent", "handed_over", head2, "promotion", Instant.now(),
                UUID.fromString(contact), UUID.fromString(company), DealDetails.EMPTY);
        String record = EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "DealCreated", dealId.toString(), 0, Instant.now(), "system", created));
        PartyApiFixture.publishToDealTopic(dealId, record, record);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.as("head2").get("/api/companies/" + company).json().path("owner").path("username").asString()).isEqualTo("head2");
            assertThat(api.as("head2").get("/api/contacts/" + contact).json().path("owner").path("username").asString()).isEqualTo("head2");
        });
        assertThat(api.as("manager1").get("/api/companies/" + company).status()).isEqualTo(404);
        var history = api.as("head2").get("/api/companies/" + company + "/history").json().path("items");
        assertThat(history.findValuesAsString("type").stream().filter("PartyOwnerChanged"::equals)).hasSize(1);

        // an ordinary new deal hands nothing over
        UUID other = UUID.randomUUID();
        String mine = api.contactOf("manager1").path("id").asString();
        var manual = new DealCreated(other, "Лид", "scrap", "lead", head2, "manual", Instant.now(), UUID.fromString(mine), null, DealDetails.EMPTY);
        UUID eventId = UUID.randomUUID();
        PartyApiFixture.publishToDealTopic(other, EventJson.write(new EventEnvelope<>(eventId, "DealCreated", other.toString(), 0,
                Instant.now(), "u", manual)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", Long.class,
                PermanentClientHandover.CONSUMER, eventId) == 1);
        assertThat(api.as("manager1").get("/api/contacts/" + mine).status()).isEqualTo(200);
    }
}
