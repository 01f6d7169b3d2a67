package ru.lomcrm.contracts;

/**
 * An event that leaves its service: published to the service's Kafka topic inside an
 * {@link EventEnvelope}. Records implementing it are public contracts — change them only by
 * adding fields; a breaking change is a new record on a new {@code v2} topic.
 */
public interface IntegrationEvent {

    /** The envelope's {@code eventType}: the record's simple name, e.g. {@code DealCreated}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
