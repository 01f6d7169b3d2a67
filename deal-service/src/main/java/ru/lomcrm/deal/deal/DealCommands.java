package ru.lomcrm.deal.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.platform.security.CurrentUser;

/**
 * Commands of the {@link Deal} aggregate. Each carries the {@code caller}: the aggregate checks
 * the ownership rule against its own owner, so a check never races a read model.
 */
public final class DealCommands {

    private DealCommands() {
    }

    public record CreateDeal(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, String title, String funnel, String stage,
                             String ownerId, String source, UUID contactId, UUID companyId, DealDetails details) {
    }

    /**
     * Edit the card (JSON merge-patch semantics): a field left out keeps its value, a field
     * named in {@code patch.cleared()} is emptied. {@code expectedVersion}: the version the
     * editor saw; a newer one means someone else changed the deal first (409). Null skips it.
     */
    public record UpdateDeal(@TargetAggregateIdentifier UUID dealId, @TargetAggregateVersion Long expectedVersion, CurrentUser caller,
                             DealPatch patch) {
    }

    /** Changed fields of a deal card; null = unchanged. {@code cleared}: JSON names of fields to empty. */
    public record DealPatch(String title, UUID contactId, UUID companyId, BigDecimal expectedMonthlyVolumeT, List<String> metalGrades,
                            String priceTerms, String address, String notes, DealDetails.Questionnaire questionnaire,
                            java.util.Set<String> cleared) {
    }

    public record MoveDealToStage(@TargetAggregateIdentifier UUID dealId, @TargetAggregateVersion Long expectedVersion,
                                  CurrentUser caller, String stage, String lossReason) {
    }

    public record ChangeDealOwner(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, String ownerId) {
    }

    public record TagDeal(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, List<String> tags) {
    }

    public record UntagDeal(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, List<String> tags) {
    }

    /** A note on the card; {@code noteId} makes a retried request harmless. Allowed on a closed deal too (a later call is still worth noting). */
    public record AddDealNote(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, UUID noteId, String text) {
    }

    public record RecordDelivery(@TargetAggregateIdentifier UUID dealId, CurrentUser caller, Instant deliveredAt, BigDecimal weightKg,
                                 String grade, BigDecimal pricePerTonne, String ticketNo) {
    }

    /** Two parties were merged in party-service: a deal naming the duplicate now names the survivor (no rights check: the merge was allowed). */
    public record ReplaceDealParty(@TargetAggregateIdentifier UUID dealId, UUID duplicateId, UUID survivorId) {
    }

    /** Rule 1, from party-service's ClientPromoted: the ЛОМ deal closes as won (if open) and tells what the permanent deal takes over. */
    public record CloseDealOnPromotion(@TargetAggregateIdentifier UUID dealId) {
    }

    /** What a promoted client's ЛОМ deal hands over to its permanent deal. */
    public record PromotedDeal(UUID dealId, String funnel, String title, UUID contactId, UUID companyId, DealDetails details, String ownerId,
                               int deliveries, BigDecimal deliveredKg, BigDecimal amount) {
    }

    /** Rule 1: the permanent client's one deal on Постоянные клиенты (лом) / Передан; {@code dealId} is derived from the party. */
    public record OpenPermanentDeal(@TargetAggregateIdentifier UUID dealId, UUID partyId, String partyType, String ownerId, PromotedDeal from) {
    }

    /** Rule 2: a permanent deal quiet for {@code quietPeriod} moves to Не везет (ignored when it is not due). */
    public record MarkDealNotDelivering(@TargetAggregateIdentifier UUID dealId, java.time.Duration quietPeriod) {
    }
}
