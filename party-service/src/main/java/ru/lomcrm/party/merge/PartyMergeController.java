package ru.lomcrm.party.merge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.party.party.PartyCommands;
import ru.lomcrm.party.party.PartyCommands.AbsorbMergedParty;
import ru.lomcrm.party.party.PartyCommands.MergePartyInto;
import ru.lomcrm.party.party.PartyCommands.MergedParty;
import ru.lomcrm.party.party.PartyCommands.MoveContactToCompany;
import ru.lomcrm.party.view.PartyQueries;
import ru.lomcrm.party.view.PartyQueries.PartyView;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;

/**
 * Объединение дублей: a head or an admin merges a duplicate contact (company) into the one that
 * stays. Both sides change in one transaction or neither does; deal-service and task-service
 * re-point their deals and tasks when they consume {@code PartiesMerged}.
 */
@RestController
class PartyMergeController {

    private final PartyMerge merge;
    private final PartyQueries parties;

    PartyMergeController(PartyMerge merge, PartyQueries parties) {
        this.merge = merge;
        this.parties = parties;
    }

    public record MergeBody(@NotNull(message = "укажите дубль") UUID duplicateId,
                            @NotBlank(message = "укажите причину") @Size(max = 1000, message = "не длиннее 1000 символов") String reason) {
    }

    @Operation(summary = "Merge a duplicate into this party (head/admin); answers the survivor's card")
    @PostMapping({"/api/contacts/{id}/merge", "/api/companies/{id}/merge"})
    PartyView merge(@PathVariable UUID id, @Valid @RequestBody MergeBody body, jakarta.servlet.http.HttpServletRequest request,
                    CurrentUser caller) {
        String kind = request.getRequestURI().startsWith("/api/contacts") ? PartyCommands.CONTACT : PartyCommands.COMPANY;
        parties.card(id, kind, caller);
        parties.card(body.duplicateId(), kind, caller);
        long version = merge.merge(id, body.duplicateId(), body.reason(), caller);
        return parties.awaitCard(id, kind, version, caller);
    }

    @Service
    static class PartyMerge {

        private final CommandGateway commands;
        private final NamedParameterJdbcTemplate jdbc;

        PartyMerge(CommandGateway commands, NamedParameterJdbcTemplate jdbc) {
            this.commands = commands;
            this.jdbc = jdbc;
        }

        /** The survivor's version after the merge. */
        @Transactional
        public long merge(UUID survivorId, UUID duplicateId, String reason, CurrentUser caller) {
            MergedParty merged = commands.sendAndWait(Actors.command(new MergePartyInto(duplicateId, caller, survivorId), caller.id()));
            long version = commands.<Long>sendAndWait(
                    Actors.command(new AbsorbMergedParty(survivorId, caller, merged, reason), caller.id()));
            if (PartyCommands.COMPANY.equals(merged.kind())) {
                for (UUID contact : contactsOf(duplicateId)) {
                    commands.sendAndWait(Actors.command(new MoveContactToCompany(contact, duplicateId, survivorId), caller.id()));
                }
            }
            return version;
        }

        private List<UUID> contactsOf(UUID companyId) {
            return jdbc.queryForList("""
                    SELECT id FROM party_view WHERE type = 'contact' AND merged_into IS NULL AND CAST(:company AS uuid) = ANY(company_ids)""",
                    Map.of("company", companyId.toString()), UUID.class);
        }
    }
}
