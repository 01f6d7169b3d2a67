package ru.lomcrm.deal.unsorted;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.deal.UnsortedLeadAccepted;
import ru.lomcrm.contracts.deal.UnsortedLeadDeclined;
import ru.lomcrm.contracts.deal.UnsortedLeadReceived;
import ru.lomcrm.platform.web.DomainException;

/** An incoming lead in Неразобранное, until a manager accepts it (→ a deal) or declines it. */
@Aggregate
public class UnsortedLead {

    public record ReceiveLead(@TargetAggregateIdentifier UUID leadId, String source, String name, String phone, String email,
                              String message, UUID duplicateOf) {
    }

    public record AcceptLead(@TargetAggregateIdentifier UUID leadId, UUID dealId, String acceptedBy) {
    }

    public record DeclineLead(@TargetAggregateIdentifier UUID leadId, String reason, String declinedBy) {
    }

    @AggregateIdentifier
    private UUID id;
    private boolean decided;

    protected UnsortedLead() {
    }

    @CommandHandler
    public UnsortedLead(ReceiveLead command, Clock clock) {
        boolean noContact = blank(command.phone()) && blank(command.email());
        if (noContact && blank(command.name())) {
            throw DomainException.invalid("lead-empty", "В заявке нет ни имени, ни телефона, ни e-mail.");
        }
        apply(new UnsortedLeadReceived(command.leadId(), command.source(), strip(command.name()), strip(command.phone()),
                strip(command.email()), strip(command.message()), clock.instant(), command.duplicateOf()));
    }

    @CommandHandler
    void handle(AcceptLead command) {
        requirePending();
        apply(new UnsortedLeadAccepted(id, command.dealId(), command.acceptedBy()));
    }

    @CommandHandler
    void handle(DeclineLead command) {
        requirePending();
        String reason = strip(command.reason());
        if (reason == null) {
            throw DomainException.invalid("decline-reason-required", "Укажите причину отказа.").about("reason");
        }
        apply(new UnsortedLeadDeclined(id, reason, command.declinedBy()));
    }

    private void requirePending() {
        if (decided) {
            throw DomainException.conflict("lead-decided", "Заявка уже разобрана.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    @EventSourcingHandler
    void on(UnsortedLeadReceived event) {
        id = event.leadId();
    }

    @EventSourcingHandler
    void on(UnsortedLeadAccepted event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(UnsortedLeadDeclined event) {
        decided = true;
    }
}
