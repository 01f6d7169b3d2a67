package ru.lomcrm.party.party;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import ru.lomcrm.platform.security.CurrentUser;

public final class PartyCommands {

    public static final String CONTACT = "contact";
    public static final String COMPANY = "company";

    private PartyCommands() {
    }

    /** {@code force}: a head or admin creates it although it matches an existing party (recorded). */
    public record RegisterParty(@TargetAggregateIdentifier UUID partyId, String kind, CurrentUser caller, PartyCard card, String ownerId,
                                List<UUID> companyIds, boolean force) {
    }

    public record EditParty(@TargetAggregateIdentifier UUID partyId, @TargetAggregateVersion Long expectedVersion, CurrentUser caller,
                            PartyCard card, boolean force) {
    }

    public record ArchiveParty(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, String reason) {
    }

    public record ChangePartyOwner(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, String ownerId, String reason) {
    }

    public record LinkContactToCompany(@TargetAggregateIdentifier UUID contactId, CurrentUser caller, UUID companyId) {
    }

    public record UnlinkContactFromCompany(@TargetAggregateIdentifier UUID contactId, CurrentUser caller, UUID companyId) {
    }

    /** From deal-service's DeliveryCompleted: one delivery of a deal that names this party. */
    public record CountDelivery(@TargetAggregateIdentifier UUID partyId, UUID dealId, int ordinal) {
    }
}
