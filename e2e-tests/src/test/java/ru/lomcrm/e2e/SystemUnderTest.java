package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

import static org.awaitility.Awaitility.await;

/** The running system as the end-to-end tests drive it: the gateway with real tokens, the real Kafka topics, and ./crm. */
final class SystemUnderTest {

    static final String KAFKA = System.getenv().getOrDefault("CRM_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    private static final ApiClient GATEWAY = ApiClient.at(System.getProperty("crm.gateway-url", "http://localhost:8080"));

    private SystemUnderTest() {
    }

    static ApiClient as(String user) {
        return GATEWAY.withToken(Tokens.of(KeycloakUrl.get(), user, "demo-" + user));
    }

    static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** A valid 10-digit INN that no earlier run used. */
    static String freshInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        String body = String.format("%09d", Math.floorMod(System.nanoTime() ^ UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (body.charAt(i) - '0');
        }
        return body + (sum % 11 % 10);
    }

    static Map<String, Object> delivery(String ticket) {
        return Map.of("deliveredAt", java.time.Instant.now().minusSeconds(60).toString(), "weightKg", "1000", "grade", "3А",
                "pricePerTonne", "21000", "ticketNo", ticket);
    }

    /** Sends a record again as it was (same key, same envelope, so the same event id), as a redelivering broker would. */
    static RecordMetadata republish(ConsumerRecord<String, String> record) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", KAFKA,
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
            return producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())).get();
        }
    }

    /** Waits until the consumer group has committed past the record: it was handled (or deliberately skipped). */
    static void awaitConsumed(String group, RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** Runs {@code ./crm <args>} from the project root, as an operator would. */
    static void crm(String... args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("crm")) && root.getParent() != null) {
            root = root.getParent();
        }
        var command = new java.util.ArrayList<>(List.of(root.resolve("crm").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(root.toFile(), ".crm/logs/e2e-crm-" + args[0] + ".log")).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("./crm " + String.join(" ", args) + " finished").isTrue();
        assertThat(process.exitValue()).as("./crm " + String.join(" ", args)).isZero();
    }

    static JsonNode items(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("items");
    }
}
