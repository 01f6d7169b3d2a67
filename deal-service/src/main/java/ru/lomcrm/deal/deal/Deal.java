package ru.lomcrm.deal.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.platform.web.DomainException;

/** One supplier's way through a funnel (Сделка). Event-sourced. */
@Aggregate
public class Deal {

    static final int MAX_TITLE_LENGTH = 200;

    @AggregateIdentifier
    private UUID id;
    private String funnel;
    private String stage;
    private String ownerId;

    protected Deal() {
        // for Axon
    }

    @CommandHandler
    public Deal(CreateDeal command, Clock clock) {
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty()) {
            throw DomainException.invalid("deal-title-required", "Укажите название сделки.");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw DomainException.invalid("deal-title-too-long", "Название сделки длиннее " + MAX_TITLE_LENGTH + " символов.");
        }
        apply(new DealCreated(command.dealId(), title, command.funnel(), command.stage(), command.ownerId(),
                command.source(), clock.instant()));
    }

    @EventSourcingHandler
    void on(DealCreated event) {
        this.id = event.dealId();
        this.funnel = event.funnel();
        this.stage = event.stage();
        this.ownerId = event.ownerId();
    }
}
