package ru.lomcrm.party.party;

import java.util.List;
import java.util.Set;
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

    /**
     * From deal-service's DeliveryCompleted: one delivery of a deal that names this party. Answers
     * null when counted (or already counted) here, or the survivor's id when this party was merged
     * into another one, which counts it instead.
     */
    public record CountDelivery(@TargetAggregateIdentifier UUID partyId, UUID dealId, int ordinal) {
    }

    /** A note on the card; {@code noteId} makes a retried request harmless. */
    public record AddPartyNote(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, UUID noteId, String text) {
    }

    public record TagParty(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, List<String> tags) {
    }

    public record UntagParty(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, List<String> tags) {
    }

    /** First step of a merge: the duplicate closes and hands over what it holds ({@link MergedParty}). */
    public record MergePartyInto(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, UUID survivorId) {
    }

    /** Second step of a merge, in the same transaction: the survivor takes over the duplicate's phones, links, tags, deliveries. */
    public record AbsorbMergedParty(@TargetAggregateIdentifier UUID partyId, CurrentUser caller, MergedParty merged, String reason) {
    }

    /** What a merged duplicate held. */
    public record MergedParty(UUID partyId, String kind, PartyCard card, Set<UUID> companies, Set<String> tags,
                              Set<CountedDelivery> deliveries) {
    }

    /** One delivery of one deal; the same delivery never counts twice for a party. */
    public record CountedDelivery(UUID dealId, int ordinal) {
    }

    /** A company was merged: its contacts now work for the survivor (a consequence of an allowed merge, not the caller's own edit). */
    public record MoveContactToCompany(@TargetAggregateIdentifier UUID contactId, UUID fromCompanyId, UUID toCompanyId) {
    }

    /** Rule 1: a permanent client passes to its new deal's owner in the client department (the system does it, no caller). */
    public record HandOverParty(@TargetAggregateIdentifier UUID partyId, String toOwnerId, UUID permanentDealId) {
    }
}
