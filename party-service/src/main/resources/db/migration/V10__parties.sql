-- Who holds which phone / e-mail / INN (PartyIdentities, same transaction as the events).
CREATE TABLE party_identity (
    key        varchar(220) NOT NULL,
    party_id   uuid         NOT NULL,
    party_type varchar(10)  NOT NULL,
    name       varchar(300) NOT NULL,
    owner_id   varchar(64)  NOT NULL,
    forced     boolean      NOT NULL,
    archived   boolean      NOT NULL,
    PRIMARY KEY (key, party_id)
);
CREATE UNIQUE INDEX party_identity_unique_key ON party_identity (key) WHERE NOT forced AND NOT archived AND key NOT LIKE 'none:%';
CREATE INDEX party_identity_party ON party_identity (party_id);

-- Contacts and companies for lists and cards (PartyViewProjection, tracking).
CREATE TABLE party_view (
    id          uuid          PRIMARY KEY,
    type        varchar(10)   NOT NULL,
    name        varchar(300)  NOT NULL,
    owner_id    varchar(64)   NOT NULL,
    phones      text[]        NOT NULL DEFAULT '{}',
    emails      text[]        NOT NULL DEFAULT '{}',
    inn         varchar(12),
    card        jsonb         NOT NULL,
    company_ids uuid[]        NOT NULL DEFAULT '{}',
    deliveries  integer       NOT NULL DEFAULT 0,
    status      varchar(10)   NOT NULL DEFAULT 'potential',
    archived    boolean       NOT NULL DEFAULT false,
    search      text          NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL
);
CREATE INDEX party_view_list ON party_view (type, archived, updated_at DESC);
CREATE INDEX party_view_owner ON party_view (owner_id);
CREATE INDEX party_view_company ON party_view USING gin (company_ids);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX party_view_search ON party_view USING gin (search gin_trgm_ops);
