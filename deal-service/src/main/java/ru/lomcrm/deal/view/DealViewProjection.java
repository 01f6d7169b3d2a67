package ru.lomcrm.deal.view;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealNoteAdded;
import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealTagged;
import ru.lomcrm.contracts.deal.DealUntagged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.contracts.deal.PermanentDealOpened;

/**
 * Keeps {@code deal_view} and {@code deal_delivery} — what the board, the list and the card
 * read. A tracking processor: every statement is safe to apply twice (replay, retry).
 */
@Component
@ProcessingGroup("deal-view")
class DealViewProjection {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DealViewProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DealCreated event, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO deal_view (id, title, funnel, stage, owner_id, contact_id, company_id, expected_volume_t, details,
                                       source, created_at, updated_at, activity_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                event.dealId(), event.title(), event.funnel(), event.stage(), event.ownerId(), event.contactId(), event.companyId(),
                event.details().expectedMonthlyVolumeT(), details(event.details()), event.source(), time(event.createdAt()),
                time(event.createdAt()), time(event.createdAt()), version);
    }

    @EventHandler
    void on(DealUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE deal_view SET title = ?, contact_id = ?, company_id = ?, expected_volume_t = ?, details = ?::jsonb,
                                     updated_at = ?, version = ?
                WHERE id = ?""",
                event.title(), event.contactId(), event.companyId(), event.details().expectedMonthlyVolumeT(),
                details(event.details()), time(at), version, event.dealId());
    }

    @EventHandler
    void on(DealStageChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET stage = ?, activity_at = ?, updated_at = ?, version = ? WHERE id = ?", event.toStage(), time(at),
                time(at), version, event.dealId());
    }

    @EventHandler
    void on(DealClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET stage = ?, closed = true, closed_at = ?, loss_reason = ?, updated_at = ?, version = ? WHERE id = ?",
                event.outcome(), time(at), DealClosed.LOST.equals(event.outcome()) ? event.reason() : null, time(at), version,
                event.dealId());
    }

    @EventHandler
    void on(DealOwnerChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET owner_id = ?, updated_at = ?, version = ? WHERE id = ?", event.toOwnerId(), time(at), version,
                event.dealId());
    }

    @EventHandler
    void on(DealTagged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE deal_view SET tags = CASE WHEN ? = ANY(tags) THEN tags ELSE array_append(tags, ?) END,
                                     updated_at = ?, version = ?
                WHERE id = ?""", event.tag(), event.tag(), time(at), version, event.dealId());
    }

    @EventHandler
    void on(DealUntagged event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET tags = array_remove(tags, ?), updated_at = ?, version = ? WHERE id = ?", event.tag(), time(at),
                version, event.dealId());
    }

    /** A note changes nothing shown but the time of the last change and the version (the card's ETag). */
    @EventHandler
    void on(DealNoteAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET updated_at = ?, version = ? WHERE id = ?", time(at), version, event.dealId());
    }

    @EventHandler
    void on(DeliveryCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        int inserted = jdbc.update("""
                INSERT INTO deal_delivery (deal_id, ordinal, delivered_at, weight_kg, grade, price_per_tonne, amount, ticket_no, accepted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (deal_id, ordinal) DO NOTHING""",
                event.dealId(), event.ordinal(), time(event.deliveredAt()), event.weightKg(), event.grade(), event.pricePerTonne(),
                event.amount(), event.ticketNo(), event.acceptedBy());
        if (inserted == 1) {
            jdbc.update("""
                    UPDATE deal_view SET deliveries = ?, delivered_kg = delivered_kg + ?, activity_at = GREATEST(activity_at, ?),
                                         updated_at = ?, version = ? WHERE id = ?""",
                    event.ordinal(), event.weightKg(), time(event.deliveredAt()), time(at), version, event.dealId());
        }
    }

    @EventHandler
    void on(PermanentDealOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE deal_view SET promoted_from = ?, updated_at = ?, version = ? WHERE id = ?", event.fromDealId(), time(at), version,
                event.dealId());
    }

    private String details(DealDetails details) {
        return json.writeValueAsString(details);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
