package ru.lomcrm.platform.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points a Spring Boot test at real servers before its context starts.
 *
 * <p>Where they come from, in this order:
 * <ol>
 *   <li>the local servers that {@code ./crm infra up} runs (PostgreSQL 5432, Kafka 9092,
 *       Keycloak 8180), or those named by {@code CRM_DB_HOST/PORT/PASSWORD},
 *       {@code CRM_KAFKA_BOOTSTRAP} and {@code CRM_KEYCLOAK_URL};</li>
 *   <li>otherwise, on a machine with a Docker engine, Testcontainers
 *       ({@link ContainerInfrastructure});</li>
 *   <li>otherwise the test fails and says to run {@code ./crm infra up}.</li>
 * </ol>
 * Each test JVM starts from an empty {@code <database>_test} schema.
 */
public class TestInfrastructure implements BeforeAllCallback {

    private static final Set<String> preparedDatabases = new HashSet<>();
    private static Endpoints endpoints;

    /**
     * Topics of this test JVM: a fresh namespace per run, so a test sees only its own records
     * and never feeds the running system. Deleted when the JVM exits.
     */
    private static final String TOPIC_PREFIX = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".";

    /** Where the servers are. */
    public record Endpoints(String dbHost, int dbPort, String dbPassword, String kafkaBootstrap, String keycloakUrl) {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = locate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTopics(endpoints.kafkaBootstrap())));
        }
        return endpoints;
    }

    /** The topic name this test JVM uses for a contract topic, e.g. {@code test-1a2b3c4d.crm.deal.events.v1}. */
    public static String topic(String contractTopic) {
        return TOPIC_PREFIX + contractTopic;
    }

    private static void deleteTopics(String bootstrap) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            var ours = admin.listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(TOPIC_PREFIX)).toList();
            admin.deleteTopics(ours).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Could not delete test topics " + TOPIC_PREFIX + "*: " + e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CrmServiceTest.class)
                .map(CrmServiceTest::database)
                .orElseThrow(() -> new IllegalStateException("TestInfrastructure needs @CrmServiceTest(database = ...)"));
        Endpoints servers = endpoints();
        String testDatabase = database + "_test";
        synchronized (TestInfrastructure.class) {
            if (preparedDatabases.add(testDatabase)) {
                resetSchema(servers, testDatabase, database);
            }
        }
        System.setProperty("spring.datasource.url", "jdbc:postgresql://" + servers.dbHost() + ":" + servers.dbPort() + "/" + testDatabase);
        System.setProperty("spring.datasource.username", database);
        System.setProperty("spring.datasource.password", servers.dbPassword());
        System.setProperty("spring.kafka.bootstrap-servers", servers.kafkaBootstrap());
        System.setProperty("crm.keycloak-url", servers.keycloakUrl());
        System.setProperty("crm.kafka.topic-prefix", TOPIC_PREFIX);
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    private static Endpoints locate() {
        String dbHost = env("CRM_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(env("CRM_DB_PORT", "5432"));
        String kafka = env("CRM_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String keycloak = env("CRM_KEYCLOAK_URL", "http://127.0.0.1:8180");
        if (reachable(dbHost, dbPort) && reachable(kafka)) {
            return new Endpoints(dbHost, dbPort, env("CRM_DB_PASSWORD", "local-dev-db"), kafka, keycloak);
        }
        if (ContainerInfrastructure.dockerAvailable()) {
            return ContainerInfrastructure.start();
        }
        throw new IllegalStateException("""
                No PostgreSQL at %s:%d or no Kafka at %s, and no Docker engine for Testcontainers.
                Start the local servers first: ./crm infra up""".formatted(dbHost, dbPort, kafka));
    }

    /** Drops and recreates the public schema of the test database, as its owner. */
    static void resetSchema(Endpoints servers, String testDatabase, String owner) throws SQLException {
        String url = "jdbc:postgresql://" + servers.dbHost() + ":" + servers.dbPort() + "/" + testDatabase;
        try (Connection connection = DriverManager.getConnection(url, owner, servers.dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }

    private static boolean reachable(String hostPorts) {
        String first = hostPorts.split(",")[0];
        int colon = first.lastIndexOf(':');
        return reachable(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
