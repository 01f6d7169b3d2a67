package ru.lomcrm.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.IntegrationEvent;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicPublisher;

/**
 * Small factories for task API tests: a client per demo user, users' ids, a task with sensible
 * fields, and other services' events published to this JVM's test topics (as deal-service and
 * party-service would).
 */
public final class TaskApiFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient anonymous;

    public TaskApiFixture(int port) {
        this.anonymous = ApiClient.at("http://127.0.0.1:" + port);
    }

    public ApiClient anonymous() {
        return anonymous;
    }

    public ApiClient as(String username) {
        return anonymous.withToken(Tokens.of(username));
    }

    /** The Keycloak user id of a demo user (the {@code sub} of their token). */
    public static String idOf(String username) {
        String payload = Tokens.of(username).split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).path("sub").asString();
    }

    /** Tomorrow, to the second: due times that nothing in a test run passes by accident. */
    public static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A new task of {@code username} due tomorrow; extra fields override the defaults. */
    public JsonNode taskOf(String username, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("text", "Позвонить " + System.nanoTime(), "type", "call", "dueAt", tomorrow()));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                body.remove((String) fields[i]);
            } else {
                body.put((String) fields[i], fields[i + 1]);
            }
        }
        var response = as(username).post("/api/tasks", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** The {@code field} of each element of {@code items} (top level only, unlike {@code findValuesAsString}). */
    public static java.util.List<String> each(JsonNode items, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    /** The ids of a list answer's items. */
    public static java.util.List<String> ids(ru.lomcrm.platform.testing.ApiClient.Response list) {
        return each(list.json().path("items"), "id");
    }

    /** A deal of {@code ownerUsername} on ЛОМ / Лид, as deal-service announces it (version 0). */
    public static UUID dealOf(String ownerUsername, String title) {
        UUID dealId = UUID.randomUUID();
        publishDeal(dealId, 0, new DealCreated(dealId, title, "scrap", "lead", idOf(ownerUsername), "manual", Instant.now(), null, null, null));
        return dealId;
    }

    /** Publishes a deal event with a fresh event id; {@code version} is the deal's sequence number of the event. */
    public static EventEnvelope<IntegrationEvent> publishDeal(UUID dealId, long version, IntegrationEvent event) {
        var envelope = new EventEnvelope<>(UUID.randomUUID(), event.eventType(), dealId.toString(), version, Instant.now(), "u", event);
        publish(Topics.DEAL, envelope);
        return envelope;
    }

    public static void publishParty(UUID partyId, IntegrationEvent event) {
        publish(Topics.PARTY, new EventEnvelope<>(UUID.randomUUID(), event.eventType(), partyId.toString(), 0, Instant.now(), "u", event));
    }

    /** Sends exactly this envelope (again, if it was sent before: a redelivery). */
    public static void publish(String contractTopic, EventEnvelope<IntegrationEvent> envelope) {
        TopicPublisher.publish(contractTopic, envelope.aggregateId(), EventJson.write(envelope));
    }
}
