package ru.lomcrm.deal.permanent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.ClientPromoted;
import ru.lomcrm.deal.deal.DealCommands.CloseDealOnPromotion;
import ru.lomcrm.deal.deal.DealCommands.OpenPermanentDeal;
import ru.lomcrm.deal.deal.DealCommands.PromotedDeal;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Rule 1 across services: party-service's {@code ClientPromoted} (the 5th delivery) closes the
 * ЛОМ deal as won and opens the supplier's one deal on Постоянные клиенты (лом) / Передан for
 * the client department. The supplier is the deal's company when it names one, else its
 * contact; the new deal's id is derived from that party, so a redelivered event, the contact's
 * and the company's promotions together, or a second instance can never open two. Applied once
 * per record, in one transaction with the inbox row.
 */
@Component
class ClientPromotion {

    static final String CONSUMER = "deal.client-promotion";
    private static final Logger log = LoggerFactory.getLogger(ClientPromotion.class);

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final EventStore events;
    private final ClientDepartment department;

    ClientPromotion(EventInbox inbox, CommandGateway commands, EventStore events, ClientDepartment department) {
        this.inbox = inbox;
        this.commands = commands;
        this.events = events;
        this.department = department;
    }

    /** The permanent deal of a supplier: one per party, whoever asks. */
    static UUID permanentDealOf(UUID partyId) {
        return UUID.nameUUIDFromBytes(("permanent-deal:" + partyId).getBytes(StandardCharsets.UTF_8));
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.PARTY, groupId = "${spring.application.name}.promotion")
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, ClientPromoted.class)) {
                promote(EventJson.payload(envelope, ClientPromoted.class));
            }
        });
    }

    private void promote(ClientPromoted promoted) {
        PromotedDeal from;
        try {
            from = commands.sendAndWait(Actors.command(new CloseDealOnPromotion(promoted.dealId()), EventEnvelope.SYSTEM_ACTOR));
        } catch (AggregateNotFoundException unknown) {
            log.error("Party {} was promoted by deal {}, which does not exist here; no permanent deal opened", promoted.partyId(),
                    promoted.dealId());
            return;
        }
        if (!"scrap".equals(from.funnel())) {
            return;
        }
        UUID supplier = from.companyId() != null ? from.companyId() : from.contactId() != null ? from.contactId() : promoted.partyId();
        String supplierType = from.companyId() != null ? "company" : from.contactId() != null ? "contact" : promoted.partyType();
        UUID dealId = permanentDealOf(supplier);
        if (events.lastSequenceNumberFor(dealId.toString()).isPresent()) {
            return;
        }
        String owner = department.ownerFor(supplier).orElseGet(() -> {
            log.error("No one in the client department to take permanent client {}; the deal stays with {}", supplier, from.ownerId());
            return from.ownerId();
        });
        commands.sendAndWait(Actors.command(new OpenPermanentDeal(dealId, supplier, supplierType, owner, from), EventEnvelope.SYSTEM_ACTOR));
        log.info("Party {} is a permanent client: deal {} won, permanent deal {} opened for {}", promoted.partyId(), promoted.dealId(),
                dealId, owner);
    }
}
