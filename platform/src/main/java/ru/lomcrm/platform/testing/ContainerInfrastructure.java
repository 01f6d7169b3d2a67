package ru.lomcrm.platform.testing;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same servers as containers, for machines that have a Docker engine (this project's
 * build machines do not; there the local servers of {@code ./crm infra up} are used). The
 * containers live as long as the test JVM. Keycloak imports {@code auth/realm-crm.json} and is
 * reached under the issuer URL the tokens will carry.
 */
final class ContainerInfrastructure {

    private static final String PASSWORD = "local-dev-db";
    private static final String[] DATABASES = {"crm_deal", "crm_party", "crm_task", "crm_mail", "crm_analytics"};

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static TestInfrastructure.Endpoints start() {
        var postgres = new PostgreSQLContainer("postgres:15-alpine");
        postgres.start();
        for (String database : DATABASES) {
            execSql(postgres, "CREATE ROLE " + database + " LOGIN PASSWORD '" + PASSWORD + "'");
            execSql(postgres, "CREATE DATABASE " + database + "_test OWNER " + database);
        }
        var kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        var keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.7.3")
                .withExposedPorts(8080)
                .withCopyFileToContainer(MountableFile.forHostPath(realmFile()), "/opt/keycloak/data/import/realm-crm.json")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "local-dev-keycloak")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/crm/.well-known/openid-configuration").withStartupTimeout(Duration.ofMinutes(3)));
        keycloak.start();
        String keycloakUrl = "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
        return new TestInfrastructure.Endpoints(postgres.getHost(), postgres.getMappedPort(5432), PASSWORD,
                kafka.getBootstrapServers(), keycloakUrl);
    }

    private static void execSql(PostgreSQLContainer postgres, String sql) {
        try {
            var result = postgres.execInContainer("psql", "-U", postgres.getUsername(), "-d", "postgres", "-c", sql);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(sql + ": " + result.getStderr());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.nio.file.Path realmFile() {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.exists(dir.resolve("auth/realm-crm.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("auth/realm-crm.json not found above " + java.nio.file.Path.of("").toAbsolutePath());
        }
        return dir.resolve("auth/realm-crm.json");
    }
}
