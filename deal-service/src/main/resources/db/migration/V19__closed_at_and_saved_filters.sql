-- Сделки filter by the day a deal was closed. Deals closed before this column existed take their
-- last change as the closing time (closing is the last change a closed deal gets, but for notes).
ALTER TABLE deal_view ADD COLUMN closed_at timestamptz;
UPDATE deal_view SET closed_at = updated_at WHERE closed;
CREATE INDEX deal_view_closed_at ON deal_view (closed_at) WHERE closed;

-- Saved filters of Сделки: a person's own, and the ones an admin shares with everyone. A
-- preference, not a business record: a plain table.
CREATE TABLE deal_saved_filter (
    id         uuid         PRIMARY KEY,
    owner_id   varchar(64)  NOT NULL,
    name       varchar(100) NOT NULL,
    query      jsonb        NOT NULL,
    shared     boolean      NOT NULL,
    created_at timestamptz  NOT NULL
);
-- one name per person among their own, and one name among the shared ones
CREATE UNIQUE INDEX deal_saved_filter_name ON deal_saved_filter ((CASE WHEN shared THEN '' ELSE owner_id END), lower(name));
