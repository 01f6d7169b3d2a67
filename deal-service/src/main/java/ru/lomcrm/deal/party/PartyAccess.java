package ru.lomcrm.deal.party;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;

/**
 * Rules 5 and 10 on deals: a manager may put on a deal only a contact or company they may see —
 * otherwise a deal would quietly take another manager's client. Checked against the replica of
 * party-service's events; a party created a moment ago may not have arrived yet, so it is awaited
 * briefly, and one still unknown after that (the replica lagging, e.g. while this service
 * restarts) is let through rather than refusing a manager's real work — the check is only as
 * fresh as the replica. A merged duplicate is replaced by the party it was merged into.
 */
@Component
public class PartyAccess {

    private static final Duration ARRIVAL = Duration.ofSeconds(3);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartyAccess.class);
    private static final int MAX_MERGES = 10;

    private final JdbcTemplate jdbc;
    private final Ownership ownership;

    PartyAccess(JdbcTemplate jdbc, Ownership ownership) {
        this.jdbc = jdbc;
        this.ownership = ownership;
    }

    private record Known(String kind, String ownerId, UUID mergedInto) {
    }

    /** The party to put on the deal ({@code partyId} or its survivor); 422 naming {@code field} when the caller may not use it. */
    public UUID usable(CurrentUser caller, UUID partyId, String kind, String field) {
        if (partyId == null) {
            return null;
        }
        UUID id = partyId;
        for (int hop = 0; hop <= MAX_MERGES; hop++) {
            Known known = await(id);
            if (known == null) {
                log.warn("{} {} is not in the party replica yet; put on a deal unchecked", kind, id);
                return id;
            }
            if (!kind.equals(known.kind()) || !ownership.canSee(caller, known.ownerId())) {
                throw DomainException.invalid("party-not-found", "contact".equals(kind) ? "Контакт не найден." : "Компания не найдена.")
                        .about(field);
            }
            if (known.mergedInto() == null) {
                return id;
            }
            id = known.mergedInto();
        }
        throw new IllegalStateException("Merge chain of party " + partyId + " is longer than " + MAX_MERGES);
    }

    private Known await(UUID id) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (true) {
            List<Known> rows = jdbc.query("SELECT kind, owner_id, merged_into FROM party_name WHERE id = ?",
                    (rs, n) -> new Known(rs.getString("kind"), rs.getString("owner_id"), rs.getObject("merged_into", UUID.class)), id);
            if (!rows.isEmpty() && rows.get(0).ownerId() != null) {
                return rows.get(0);
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
