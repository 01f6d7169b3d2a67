package ru.lomcrm.party.party;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.web.Emails;
import ru.lomcrm.party.identity.Inn;
import ru.lomcrm.party.identity.PartyIdentities;
import ru.lomcrm.party.party.PartyCommands.ArchiveParty;
import ru.lomcrm.party.party.PartyCommands.ChangePartyOwner;
import ru.lomcrm.party.party.PartyCommands.EditParty;
import ru.lomcrm.party.party.PartyCommands.LinkContactToCompany;
import ru.lomcrm.party.party.PartyCommands.RegisterParty;
import ru.lomcrm.party.party.PartyCommands.TagParty;
import ru.lomcrm.party.party.PartyCommands.UnlinkContactFromCompany;
import ru.lomcrm.party.party.PartyCommands.UntagParty;
import ru.lomcrm.party.view.PartyQueries;
import ru.lomcrm.party.view.PartyQueries.Filter;
import ru.lomcrm.party.view.PartyQueries.Page;
import ru.lomcrm.party.view.PartyQueries.PartyView;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.IfMatch;
import ru.lomcrm.platform.web.PhoneNumbers;
import ru.lomcrm.platform.web.Tags;

/** Списки: contacts ({@code /api/contacts}) and companies ({@code /api/companies}), the same rules for both. */
@RestController
class PartyController {

    private final CommandGateway commands;
    private final PartyQueries parties;
    private final PartyIdentities identities;
    private final Ownership ownership;

    PartyController(CommandGateway commands, PartyQueries parties, PartyIdentities identities, Ownership ownership) {
        this.commands = commands;
        this.parties = parties;
        this.identities = identities;
        this.ownership = ownership;
    }

    public record Duplicates(List<PartyIdentities.Match> items) {
    }

    /** Rule 5: a client changes hands only with a reason on record. */
    public record OwnerBody(@NotBlank(message = "укажите ответственного") @Size(max = 64) String ownerId,
                            @NotBlank(message = "укажите причину") @Size(max = 1000, message = "не длиннее 1000 символов") String reason) {
    }

    public record ArchiveBody(@Size(max = 1000, message = "не длиннее 1000 символов") String reason) {
    }

    /** Asked while typing, before saving: who already has this phone, e-mail or INN. */
    @GetMapping("/api/parties/duplicates")
    Duplicates duplicates(@RequestParam(required = false) @Size(max = 40) String phone,
                          @RequestParam(required = false) @Size(max = 200) String email,
                          @RequestParam(required = false) @Size(max = 20) String inn) {
        List<String> keys = PartyIdentities.keys(
                phone == null || phone.isBlank() ? List.of() : List.of(PhoneNumbers.normalize(phone, "phone")),
                email == null || email.isBlank() ? List.of() : List.of(Emails.normalize(email, "email")),
                inn == null || inn.isBlank() ? null : Inn.normalize(inn, "inn"));
        return new Duplicates(identities.matches(keys, null));
    }

    @PostMapping({"/api/contacts", "/api/companies"})
    ResponseEntity<PartyView> create(@Valid @RequestBody PartyRequests body,
                                     jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        if (body.name() == null || body.name().isBlank()) {
            throw DomainException.invalid("name-required", "Укажите имя.").about("name");
        }
        String ownerId = body.ownerId() == null || body.ownerId().isBlank() ? caller.id() : body.ownerId();
        ownership.requireAssignable(caller, ownerId);
        UUID id = UUID.randomUUID();
        List<UUID> companies = PartyCommands.CONTACT.equals(kind) && body.companyId() != null ? List.of(body.companyId()) : List.of();
        if (!companies.isEmpty()) {
            // a contact is put only into a company the caller may see (rule 10 for what a request refers to)
            try {
                parties.card(body.companyId(), PartyCommands.COMPANY, caller);
            } catch (DomainException notVisible) {
                throw DomainException.invalid("company-not-found", "Компания не найдена.").about("companyId");
            }
        }
        send(new RegisterParty(id, kind, caller, body.card(), ownerId, companies, body.forced()), caller);
        return ResponseEntity.created(URI.create(base(kind) + "/" + id)).body(parties.awaitCard(id, kind, 0, caller));
    }

    @GetMapping({"/api/contacts", "/api/companies"})
    Page list(jakarta.servlet.http.HttpServletRequest request,
              @RequestParam(required = false) @Size(max = 64) String owner,
              @RequestParam(required = false) @Pattern(regexp = "potential|permanent") String status,
              @RequestParam(required = false) @Size(max = 200) String q,
              @RequestParam(required = false) UUID companyId,
              @RequestParam(required = false) Instant createdFrom,
              @RequestParam(required = false) Instant createdTo,
              @RequestParam(defaultValue = "false") boolean archived,
              @RequestParam(required = false) @Size(max = 20) List<@Size(max = 60) String> tags,
              @RequestParam(defaultValue = "any") @Pattern(regexp = "any|all") String tagsMode,
              @RequestParam(defaultValue = "updatedAt") String sort,
              @RequestParam(defaultValue = "desc") String direction,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              CurrentUser caller) {
        var filter = new Filter(kind(request.getRequestURI()), owner, status, q, companyId, createdFrom, createdTo, archived,
                tags == null ? null : tags.stream().map(Tags::key).distinct().toList(), "all".equals(tagsMode));
        return parties.list(filter, sort, !"asc".equalsIgnoreCase(direction), page, size, caller);
    }

    @GetMapping({"/api/contacts/{id}", "/api/companies/{id}"})
    ResponseEntity<PartyView> card(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        PartyView party = parties.card(id, kind(request.getRequestURI()), caller);
        return ResponseEntity.ok().eTag("\"" + party.version() + "\"").body(party);
    }

    @PatchMapping({"/api/contacts/{id}", "/api/companies/{id}"})
    PartyView edit(@PathVariable UUID id, @Valid @RequestBody PartyRequests body,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                   jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        parties.card(id, kind, caller);
        long version = send(new EditParty(id, IfMatch.version(ifMatch), caller, body.card(), body.forced()), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    @PostMapping({"/api/contacts/{id}/owner", "/api/companies/{id}/owner"})
    PartyView changeOwner(@PathVariable UUID id, @Valid @RequestBody OwnerBody body, jakarta.servlet.http.HttpServletRequest request,
                          CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        parties.card(id, kind, caller);
        long version = send(new ChangePartyOwner(id, caller, body.ownerId(), body.reason()), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    @PostMapping({"/api/contacts/{id}/archive", "/api/companies/{id}/archive"})
    PartyView archive(@PathVariable UUID id, @Valid @RequestBody(required = false) ArchiveBody body,
                      jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        parties.card(id, kind, caller);
        long version = send(new ArchiveParty(id, caller, body == null ? null : body.reason()), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    public record TagsBody(@NotEmpty(message = "укажите хотя бы один тег") @Size(max = 20) List<@Size(max = 60) String> tags) {
    }

    @PostMapping({"/api/contacts/{id}/tags", "/api/companies/{id}/tags"})
    PartyView tag(@PathVariable UUID id, @Valid @RequestBody TagsBody body, jakarta.servlet.http.HttpServletRequest request,
                  CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        parties.card(id, kind, caller);
        long version = send(new TagParty(id, caller, body.tags()), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    /** The tag as a query parameter, so that any tag (even one with "/") can be removed. */
    @DeleteMapping({"/api/contacts/{id}/tags", "/api/companies/{id}/tags"})
    PartyView untag(@PathVariable UUID id, @RequestParam @NotEmpty(message = "укажите тег") @Size(max = 20) List<@Size(max = 60) String> tag,
                    jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        String kind = kind(request.getRequestURI());
        parties.card(id, kind, caller);
        long version = send(new UntagParty(id, caller, tag), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    @PostMapping("/api/contacts/{id}/companies/{companyId}")
    PartyView link(@PathVariable UUID id, @PathVariable UUID companyId, CurrentUser caller) {
        parties.card(companyId, PartyCommands.COMPANY, caller);
        long version = send(new LinkContactToCompany(id, caller, companyId), caller);
        return parties.awaitCard(id, PartyCommands.CONTACT, version, caller);
    }

    @DeleteMapping("/api/contacts/{id}/companies/{companyId}")
    PartyView unlink(@PathVariable UUID id, @PathVariable UUID companyId, CurrentUser caller) {
        long version = send(new UnlinkContactFromCompany(id, caller, companyId), caller);
        return parties.awaitCard(id, PartyCommands.CONTACT, version, caller);
    }

    private static String kind(String uri) {
        return uri.startsWith("/api/contacts") ? PartyCommands.CONTACT : PartyCommands.COMPANY;
    }

    private static String base(String kind) {
        return PartyCommands.CONTACT.equals(kind) ? "/api/contacts" : "/api/companies";
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command, CurrentUser caller) {
        return (R) commands.sendAndWait(Actors.command(command, caller.id()));
    }
}
