-- Rule 2: when a deal last entered its stage or took a delivery (the quiet period counts from it);
-- rule 1: the ЛОМ deal a permanent client's deal continues.
ALTER TABLE deal_view ADD COLUMN activity_at timestamptz;
ALTER TABLE deal_view ADD COLUMN promoted_from uuid;
UPDATE deal_view d SET activity_at = GREATEST(d.created_at,
        COALESCE((SELECT max(delivered_at) FROM deal_delivery x WHERE x.deal_id = d.id), d.created_at));
ALTER TABLE deal_view ALTER COLUMN activity_at SET NOT NULL;
CREATE INDEX deal_view_quiet ON deal_view (activity_at) WHERE funnel = 'permanent' AND NOT closed;

-- Admin settings of the permanent-client funnel (one row).
CREATE TABLE permanent_funnel_settings (
    id          smallint PRIMARY KEY CHECK (id = 1),
    quiet_days  integer  NOT NULL CHECK (quiet_days BETWEEN 1 AND 365),
    updated_by  varchar(64),
    updated_at  timestamptz
);
INSERT INTO permanent_funnel_settings (id, quiet_days) VALUES (1, 30);
