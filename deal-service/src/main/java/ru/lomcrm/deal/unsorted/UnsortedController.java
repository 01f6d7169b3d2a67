package ru.lomcrm.deal.unsorted;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.deal.party.PartyIdentification;
import ru.lomcrm.deal.party.PartyIdentification.Identified;
import ru.lomcrm.deal.unsorted.UnsortedInbox.Lead;
import ru.lomcrm.deal.unsorted.UnsortedLead.DeclineLead;
import ru.lomcrm.deal.unsorted.UnsortedLead.ReceiveLead;
import ru.lomcrm.deal.view.DealQueries;
import ru.lomcrm.deal.view.DealQueries.DealCard;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Roles;
import ru.lomcrm.platform.web.DomainException;

/** Неразобранное: only for people (and integrations) with the «unsorted» section. */
@RestController
@RequestMapping("/api/unsorted")
class UnsortedController {

    private final CommandGateway commands;
    private final UnsortedInbox inbox;
    private final DealQueries deals;
    private final LeadAcceptance acceptance;
    private final PartyIdentification identification;

    UnsortedController(CommandGateway commands, UnsortedInbox inbox, DealQueries deals, LeadAcceptance acceptance,
                        PartyIdentification identification) {
        this.commands = commands;
        this.inbox = inbox;
        this.deals = deals;
        this.acceptance = acceptance;
        this.identification = identification;
    }

    public record IncomingLead(
            @NotBlank(message = "укажите источник") @Pattern(regexp = "form|mail|call", message = "form, mail или call") String source,
            @Size(max = 200, message = "не длиннее 200 символов") String name,
            @Size(max = 40, message = "не длиннее 40 символов") @Pattern(regexp = "[0-9+()\\-\\s]*", message = "только цифры, +, скобки, дефисы и пробелы") String phone,
            @Size(max = 200, message = "не длиннее 200 символов") @Email(message = "некорректный e-mail") String email,
            @Size(max = 5000, message = "не длиннее 5000 символов") String message) {
    }

    public record Decline(@NotBlank(message = "укажите причину") @Size(max = 2000, message = "не длиннее 2000 символов") String reason) {
    }

    public record Inbox(List<Lead> items, long pending) {
    }

    @PostMapping
    ResponseEntity<Lead> receive(@Valid @RequestBody IncomingLead body, CurrentUser caller) {
        requireSection(caller);
        UUID id = UUID.randomUUID();
        UUID duplicateOf = inbox.pendingDuplicateOf(body.phone(), body.email());
        commands.sendAndWait(Actors.command(new ReceiveLead(id, body.source(), body.name(), body.phone(), body.email(), body.message(),
                duplicateOf), caller.id()));
        var lead = new Lead(id, body.source(), body.name(), body.phone(), body.email(), body.message(), java.time.Instant.now(),
                duplicateOf, "pending", null, null, null);
        return ResponseEntity.created(URI.create("/api/unsorted/" + id)).body(lead);
    }

    @GetMapping
    Inbox list(@RequestParam(defaultValue = "pending") @Pattern(regexp = "pending|accepted|declined|all") String status,
               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, CurrentUser caller) {
        requireSection(caller);
        return new Inbox(inbox.list(status, limit), inbox.pendingCount());
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<DealCard> accept(@PathVariable UUID id, CurrentUser caller) {
        requireSection(caller);
        Lead lead = find(id);
        if (!"pending".equals(lead.status())) {
            throw DomainException.conflict("lead-decided", "Заявка уже разобрана.");
        }
        Identified party = lead.phone() == null && lead.email() == null && lead.name() == null ? null
                : identification.findOrCreateContact(new PartyIdentification.Caller(lead.name(), lead.phone(), lead.email()), caller);
        UUID dealId = acceptance.accept(lead, party, caller);
        return ResponseEntity.created(URI.create("/api/deals/" + dealId)).body(deals.awaitCard(dealId, 0, caller));
    }

    @PostMapping("/{id}/decline")
    Lead decline(@PathVariable UUID id, @Valid @RequestBody Decline body, CurrentUser caller) {
        requireSection(caller);
        Lead lead = find(id);
        commands.sendAndWait(Actors.command(new DeclineLead(id, body.reason(), caller.id()), caller.id()));
        return new Lead(lead.id(), lead.source(), lead.name(), lead.phone(), lead.email(), lead.message(), lead.receivedAt(),
                lead.duplicateOf(), "declined", null, caller.id(), body.reason().strip());
    }

    private Lead find(UUID id) {
        return inbox.find(id).orElseThrow(() -> DomainException.notFound("not-found", "Заявка не найдена."));
    }

    private static void requireSection(CurrentUser caller) {
        if (!caller.hasSection(Roles.SECTION_UNSORTED)) {
            throw DomainException.forbidden("section-unsorted-required", "Нет доступа к «Неразобранному».");
        }
    }
}
