package ru.lomcrm.task.task;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.task.TaskLink;

/**
 * What a task may be linked to, as task-service knows it from the other services' topics:
 * deals (with their owners, for the rights) and contacts and companies.
 */
@Component
public class LinkTargets {

    private final JdbcTemplate jdbc;

    public LinkTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner of a deal task-service knows; empty if it has not heard of the deal (yet). */
    public Optional<String> dealOwner(UUID dealId) {
        return jdbc.queryForList("SELECT owner_id FROM deal_ref WHERE id = ? AND known", String.class, dealId).stream().findFirst();
    }

    /** Whether the deal, contact or company is known here. */
    public boolean knows(TaskLink link) {
        return TaskLink.toDeal(link) ? dealOwner(link.id()).isPresent() : party(link).isPresent();
    }

    /** A contact or company as task-service knows it: its owner, null when only heard of before owners were kept. */
    public record KnownParty(String ownerId) {
    }

    /** The contact or company of {@code link}; empty if it has not heard of it (yet). */
    public Optional<KnownParty> party(TaskLink link) {
        return jdbc.query("SELECT owner_id FROM party_ref WHERE id = ? AND kind = ?", (rs, n) -> new KnownParty(rs.getString("owner_id")),
                link.id(), link.type()).stream().findFirst();
    }
}
