-- Idempotent consumption of other services' events (platform EventInbox): one row per
-- (consumer, event) written in the same transaction as the event's effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    event_type   varchar(200) NOT NULL,
    topic        varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
