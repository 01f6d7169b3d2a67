package ru.lomcrm.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test of one service on real infrastructure: PostgreSQL (a fresh
 * {@code <database>_test} database per test JVM), Kafka (topics under a fresh {@code test-<id>.}
 * prefix per test JVM, so tests never feed the running system) and Keycloak for real tokens. The service
 * runs on a random port with a {@link MovableClock}; see {@link TestInfrastructure} for where the servers come from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
public @interface CrmServiceTest {

    /** The service's database name, e.g. {@code crm_deal}; tests use {@code crm_deal_test}. */
    String database();
}
