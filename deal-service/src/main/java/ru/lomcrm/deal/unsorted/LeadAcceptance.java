package ru.lomcrm.deal.unsorted;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.deal.deal.DealCommands.AddDealNote;
import ru.lomcrm.deal.deal.DealCommands.CreateDeal;
import ru.lomcrm.deal.party.PartyIdentification.Identified;
import ru.lomcrm.deal.unsorted.UnsortedInbox.Lead;
import ru.lomcrm.deal.unsorted.UnsortedLead.AcceptLead;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;

/**
 * Accepting a lead: the lead is marked accepted, its deal opened with the caller's contact (or
 * company) on it and the lead's own words as the feed's first note — in one transaction, or none
 * of it. The party was found or created beforehand (it belongs to party-service).
 */
@Service
class LeadAcceptance {

    private static final int MAX_TITLE = 200;

    private final CommandGateway commands;

    LeadAcceptance(CommandGateway commands) {
        this.commands = commands;
    }

    @Transactional
    public UUID accept(Lead lead, Identified party, CurrentUser caller) {
        UUID dealId = UUID.randomUUID();
        commands.sendAndWait(Actors.command(new AcceptLead(lead.id(), dealId, caller.id()), caller.id()));
        String title = Stream.of(lead.name(), party == null ? null : party.name(), lead.phone(), lead.email())
                .filter(value -> value != null && !value.isBlank()).findFirst().orElse("Заявка");
        UUID contactId = party != null && "contact".equals(party.kind()) ? party.id() : null;
        UUID companyId = party != null && "company".equals(party.kind()) ? party.id() : null;
        var details = new DealDetails(null, List.of(), null, null, null, DealDetails.Questionnaire.EMPTY);
        commands.sendAndWait(Actors.command(new CreateDeal(dealId, caller, title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title,
                "scrap", "lead", caller.id(), "unsorted", contactId, companyId, details), caller.id()));
        // the lead's id names the note, so the message is on the deal once whatever happens
        commands.sendAndWait(Actors.command(new AddDealNote(dealId, caller, lead.id(), message(lead)), caller.id()));
        return dealId;
    }

    /** What the person wrote, headed by where it came from and how to reach them. */
    static String message(Lead lead) {
        String from = switch (lead.source()) {
            case "form" -> "Заявка с сайта";
            case "mail" -> "Письмо";
            case "call" -> "Звонок";
            default -> "Заявка";
        };
        String text = String.join("\n", Stream.of(
                from + (lead.name() == null ? "" : " — " + lead.name()),
                lead.phone() == null ? null : "Телефон: " + lead.phone(),
                lead.email() == null ? null : "E-mail: " + lead.email(),
                lead.message()).filter(Objects::nonNull).toList());
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }
}
