package ru.lomcrm.deal.unsorted;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.deal.deal.DealCommands.CreateDeal;
import ru.lomcrm.deal.unsorted.UnsortedInbox.Lead;
import ru.lomcrm.deal.unsorted.UnsortedLead.AcceptLead;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;

/** Accepting a lead: the lead is marked accepted and its deal opened in one transaction, or neither. */
@Service
class LeadAcceptance {

    private final CommandGateway commands;

    LeadAcceptance(CommandGateway commands) {
        this.commands = commands;
    }

    @Transactional
    public UUID accept(Lead lead, CurrentUser caller) {
        UUID dealId = UUID.randomUUID();
        commands.sendAndWait(Actors.command(new AcceptLead(lead.id(), dealId, caller.id()), caller.id()));
        String title = Stream.of(lead.name(), lead.phone(), lead.email()).filter(Objects::nonNull).findFirst().orElse("Заявка");
        String notes = String.join("\n", Stream.of(
                lead.phone() == null ? null : "Телефон: " + lead.phone(),
                lead.email() == null ? null : "E-mail: " + lead.email(),
                lead.message()).filter(Objects::nonNull).toList());
        var details = new DealDetails(null, List.of(), null, null, notes.isEmpty() ? null : notes, DealDetails.Questionnaire.EMPTY);
        commands.sendAndWait(Actors.command(new CreateDeal(dealId, caller, title.length() > 200 ? title.substring(0, 200) : title,
                "scrap", "lead", caller.id(), "unsorted", null, null, details), caller.id()));
        return dealId;
    }
}
