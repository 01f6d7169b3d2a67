package ru.lomcrm.contracts;

/** Kafka topics, one per owning service. Each is written only by its owner. */
public final class Topics {

    public static final String DEAL = "crm.deal.events.v1";
    public static final String PARTY = "crm.party.events.v1";
    public static final String TASK = "crm.task.events.v1";
    public static final String MAIL = "crm.mail.events.v1";

    private Topics() {
    }
}
