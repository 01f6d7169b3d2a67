-- V19 took a closed deal's last change as its closing time; a note, tag or owner change after the
-- close moved it. The event store (same database) knows when each deal closed.
UPDATE deal_view d SET closed_at = c.at
FROM (SELECT aggregate_identifier, max(CAST(time_stamp AS timestamptz)) AS at
      FROM domain_event_entry WHERE payload_type = 'ru.lomcrm.contracts.deal.DealClosed'
      GROUP BY aggregate_identifier) c
WHERE d.closed AND CAST(d.id AS text) = c.aggregate_identifier;
