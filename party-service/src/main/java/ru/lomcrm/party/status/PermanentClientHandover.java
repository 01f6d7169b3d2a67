package ru.lomcrm.party.status;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.party.party.PartyCommands.HandOverParty;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Rule 1, "Передан": when deal-service opens a permanent client's deal (source {@code promotion}),
 * the client — the deal's company and contact — passes to that deal's owner in the client
 * department, so they can open its card; the active manager keeps the won ЛОМ deal.
 */
@Component
class PermanentClientHandover {

    static final String CONSUMER = "party.permanent-handover";
    private static final Logger log = LoggerFactory.getLogger(PermanentClientHandover.class);

    private final EventInbox inbox;
    private final CommandGateway commands;

    PermanentClientHandover(EventInbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.DEAL, groupId = "${spring.application.name}.handover")
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (!EventJson.is(envelope, DealCreated.class)) {
                return;
            }
            var deal = EventJson.payload(envelope, DealCreated.class);
            if ("promotion".equals(deal.source())) {
                handOver(deal.companyId(), deal);
                handOver(deal.contactId(), deal);
            }
        });
    }

    private void handOver(UUID partyId, DealCreated deal) {
        if (partyId == null) {
            return;
        }
        try {
            commands.sendAndWait(Actors.command(new HandOverParty(partyId, deal.ownerId(), deal.dealId()), EventEnvelope.SYSTEM_ACTOR));
        } catch (AggregateNotFoundException unknown) {
            log.warn("Permanent deal {} names party {}, which does not exist here; not handed over", deal.dealId(), partyId);
        }
    }
}
