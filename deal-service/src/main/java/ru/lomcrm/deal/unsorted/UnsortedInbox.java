package ru.lomcrm.deal.unsorted;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.deal.UnsortedLeadAccepted;
import ru.lomcrm.contracts.deal.UnsortedLeadDeclined;
import ru.lomcrm.contracts.deal.UnsortedLeadReceived;
import ru.lomcrm.platform.web.SearchText;

/** The inbox as people see it ({@code unsorted_lead}), and the duplicate lookup. */
@Component
@ProcessingGroup("unsorted-inbox")
public class UnsortedInbox {

    private final NamedParameterJdbcTemplate jdbc;

    UnsortedInbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Lead(UUID id, String source, String name, String phone, String email, String message, Instant receivedAt,
                       UUID duplicateOf, String status, UUID dealId, String decidedBy, String declineReason) {
    }

    public List<Lead> list(String status, int limit) {
        return jdbc.query("""
                SELECT * FROM unsorted_lead WHERE (CAST(:status AS varchar) = 'all' OR status = :status)
                ORDER BY received_at DESC LIMIT :limit""", Map.of("status", status, "limit", limit), UnsortedInbox::lead);
    }

    public java.util.Optional<Lead> find(UUID id) {
        return jdbc.query("SELECT * FROM unsorted_lead WHERE id = :id", Map.of("id", id), UnsortedInbox::lead).stream().findFirst();
    }

    private static Lead lead(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Lead(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("message"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getObject("duplicate_of", UUID.class), rs.getString("status"), rs.getObject("deal_id", UUID.class),
                rs.getString("decided_by"), rs.getString("decline_reason"));
    }

    public long pendingCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM unsorted_lead WHERE status = 'pending'", Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /** The earliest pending lead with the same phone or e-mail, if any. */
    public UUID pendingDuplicateOf(String phone, String email) {
        String phoneKey = phoneKey(phone);
        String emailKey = emailKey(email);
        if (phoneKey == null && emailKey == null) {
            return null;
        }
        List<UUID> found = jdbc.queryForList("""
                SELECT id FROM unsorted_lead
                WHERE status = 'pending' AND (phone_key = CAST(:phone AS varchar) OR email_key = CAST(:email AS varchar))
                ORDER BY received_at LIMIT 1""",
                new MapSqlParameterSource("phone", phoneKey).addValue("email", emailKey), UUID.class);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Russian numbers compare by their last 10 digits: "+7 (916) 123-45-67" = "8 916 1234567". */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = SearchText.phoneDigits(phone);
        return digits.isEmpty() ? null : digits;
    }

    static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @EventHandler
    void on(UnsortedLeadReceived event) {
        jdbc.update("""
                INSERT INTO unsorted_lead (id, source, name, phone, email, message, received_at, duplicate_of, phone_key, email_key, status)
                VALUES (:id, :source, :name, :phone, :email, :message, :receivedAt, :duplicateOf, :phoneKey, :emailKey, 'pending')
                ON CONFLICT (id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", event.leadId()).addValue("source", event.source()).addValue("name", event.name())
                .addValue("phone", event.phone()).addValue("email", event.email()).addValue("message", event.message())
                .addValue("receivedAt", event.receivedAt().atOffset(ZoneOffset.UTC)).addValue("duplicateOf", event.duplicateOf())
                .addValue("phoneKey", phoneKey(event.phone())).addValue("emailKey", emailKey(event.email())));
    }

    @EventHandler
    void on(UnsortedLeadAccepted event) {
        jdbc.update("UPDATE unsorted_lead SET status = 'accepted', deal_id = :deal, decided_by = :by WHERE id = :id",
                Map.of("deal", event.dealId(), "by", event.acceptedBy(), "id", event.leadId()));
    }

    @EventHandler
    void on(UnsortedLeadDeclined event) {
        jdbc.update("UPDATE unsorted_lead SET status = 'declined', decline_reason = :reason, decided_by = :by WHERE id = :id",
                Map.of("reason", event.reason(), "by", event.declinedBy(), "id", event.leadId()));
    }
}
