package ru.lomcrm.deal;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.IntegrationEvent;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicPublisher;

/** Contacts and companies as party-service would announce them, waited for in deal-service's replica. */
public final class KnownParties {

    private final JdbcTemplate jdbc;

    public KnownParties(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The Keycloak id of a demo user (the subject of their token). */
    public static String userId(String username) {
        String payload = Tokens.of(username).split("\\.")[1];
        return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .path("sub").asString();
    }

    public UUID contactOf(String ownerUsername, String name, String... phones) throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, new ContactCreated(id, name, List.of(phones), List.of(), userId(ownerUsername)));
        return id;
    }

    public UUID companyOf(String ownerUsername, String name) throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, new CompanyCreated(id, name, null, List.of(), List.of(), userId(ownerUsername)));
        return id;
    }

    public void publish(UUID key, IntegrationEvent event) throws Exception {
        TopicPublisher.publish(Topics.PARTY, key, 0, event);
        if (event instanceof ContactCreated || event instanceof CompanyCreated) {
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM party_name WHERE id = ? AND owner_id IS NOT NULL", Long.class, key) == 1);
        }
    }
}
