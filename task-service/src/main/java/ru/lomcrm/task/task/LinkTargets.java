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
        if (TaskLink.toDeal(link)) {
            return dealOwner(link.id()).isPresent();
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM party_ref WHERE id = ? AND kind = ?)",
                Boolean.class, link.id(), link.type()));
    }
}
