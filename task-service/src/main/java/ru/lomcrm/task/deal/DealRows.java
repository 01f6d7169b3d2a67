package ru.lomcrm.task.deal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** The one way to lock a deal's {@code deal_ref} row; everything that reads or changes a deal's task count takes it first. */
final class DealRows {

    private DealRows() {
    }

    /** Locks the row until the transaction ends, creating an unknown-deal placeholder if there is none. */
    static void lock(JdbcTemplate jdbc, UUID dealId) {
        jdbc.update("INSERT INTO deal_ref (id) VALUES (?) ON CONFLICT (id) DO NOTHING", dealId);
        jdbc.queryForList("SELECT id FROM deal_ref WHERE id = ? FOR UPDATE", UUID.class, dealId);
    }
}
