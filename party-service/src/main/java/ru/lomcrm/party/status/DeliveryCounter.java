package ru.lomcrm.party.status;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.party.party.PartyCommands.CountDelivery;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Client status: each completed delivery of a deal counts for the contact and the company the
 * deal names (a company's count includes its contacts' deliveries when the deal names the
 * company). Applied once per event: the inbox row and the parties' events commit together.
 */
@Component
class DeliveryCounter {

    static final String CONSUMER = "party.delivery-counter";
    private static final int MAX_MERGE_HOPS = 10;
    private static final Logger log = LoggerFactory.getLogger(DeliveryCounter.class);

    private final EventInbox inbox;
    private final CommandGateway commands;

    DeliveryCounter(EventInbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.DEAL)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (!EventJson.is(envelope, DeliveryCompleted.class)) {
                return;
            }
            var delivery = EventJson.payload(envelope, DeliveryCompleted.class);
            count(delivery.contactId(), delivery, envelope.actor());
            count(delivery.companyId(), delivery, envelope.actor());
        });
    }

    private void count(UUID partyId, DeliveryCompleted delivery, String actor) {
        if (partyId == null) {
            return;
        }
        try {
            // a merged duplicate answers with its survivor, which counts the delivery instead
            UUID target = partyId;
            for (int hop = 0; target != null && hop < MAX_MERGE_HOPS; hop++) {
                target = commands.sendAndWait(Actors.command(new CountDelivery(target, delivery.dealId(), delivery.ordinal()), actor));
            }
        } catch (AggregateNotFoundException unknown) {
            log.warn("Delivery {} of deal {} names party {}, which does not exist here; not counted", delivery.ordinal(),
                    delivery.dealId(), partyId);
        }
    }
}
