-- Funnels as they are now (FunnelCatalog, projected in the events' own transaction).
CREATE TABLE funnel (
    code     varchar(40)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    closable boolean      NOT NULL,
    position integer      NOT NULL
);

CREATE TABLE funnel_stage (
    funnel   varchar(40)  NOT NULL REFERENCES funnel (code) ON DELETE CASCADE,
    code     varchar(40)  NOT NULL,
    name     varchar(100) NOT NULL,
    kind     varchar(10)  NOT NULL,
    position integer      NOT NULL,
    PRIMARY KEY (funnel, code)
);

-- One row per deal: the board, the list and the card (DealViewProjection, tracking processor).
CREATE TABLE deal_view (
    id                 uuid          PRIMARY KEY,
    title              varchar(200)  NOT NULL,
    funnel             varchar(40)   NOT NULL,
    stage              varchar(40)   NOT NULL,
    owner_id           varchar(64)   NOT NULL,
    contact_id         uuid,
    company_id         uuid,
    expected_volume_t  numeric(12, 3),
    details            jsonb         NOT NULL,
    tags               text[]        NOT NULL DEFAULT '{}',
    deliveries         integer       NOT NULL DEFAULT 0,
    delivered_kg       numeric(14, 3) NOT NULL DEFAULT 0,
    has_open_task      boolean,
    closed             boolean       NOT NULL DEFAULT false,
    loss_reason        varchar(2000),
    source             varchar(40)   NOT NULL,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL
);
CREATE INDEX deal_view_board ON deal_view (funnel, stage, updated_at DESC);
CREATE INDEX deal_view_owner ON deal_view (owner_id);
CREATE INDEX deal_view_contact ON deal_view (contact_id);
CREATE INDEX deal_view_company ON deal_view (company_id);
CREATE INDEX deal_view_tags ON deal_view USING gin (tags);

CREATE TABLE deal_delivery (
    deal_id          uuid           NOT NULL,
    ordinal          integer        NOT NULL,
    delivered_at     timestamptz    NOT NULL,
    weight_kg        numeric(12, 3) NOT NULL,
    grade            varchar(60)    NOT NULL,
    price_per_tonne  numeric(12, 2) NOT NULL,
    amount           numeric(14, 2) NOT NULL,
    ticket_no        varchar(40)    NOT NULL,
    accepted_by      varchar(64)    NOT NULL,
    PRIMARY KEY (deal_id, ordinal)
);

-- Names of contacts and companies, replicated from party-service's events (filled by its consumer).
CREATE TABLE party_name (
    id    uuid         PRIMARY KEY,
    kind  varchar(10)  NOT NULL,
    name  varchar(300) NOT NULL,
    phones text        NOT NULL DEFAULT ''
);

-- The predefined objection tags offered in the tag editor (admin-editable).
CREATE TABLE deal_tag_preset (
    tag      varchar(60) PRIMARY KEY,
    position integer     NOT NULL
);
INSERT INTO deal_tag_preset (tag, position) VALUES
    ('#долгая оплата', 1),
    ('#нужна доставка денег', 2),
    ('#низкая цена', 3),
    ('#далеко везти', 4),
    ('#работает с конкурентом', 5);
