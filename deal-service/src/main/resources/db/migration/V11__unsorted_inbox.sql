-- Неразобранное: incoming leads until accepted (→ a deal) or declined (UnsortedInbox projection).
CREATE TABLE unsorted_lead (
    id             uuid          PRIMARY KEY,
    source         varchar(20)   NOT NULL,
    name           varchar(200),
    phone          varchar(40),
    email          varchar(200),
    message        varchar(5000),
    received_at    timestamptz   NOT NULL,
    duplicate_of   uuid,
    phone_key      varchar(20),
    email_key      varchar(200),
    status         varchar(10)   NOT NULL,
    deal_id        uuid,
    decided_by     varchar(64),
    decline_reason varchar(2000)
);
CREATE INDEX unsorted_lead_pending ON unsorted_lead (status, received_at DESC);
CREATE INDEX unsorted_lead_phone ON unsorted_lead (phone_key) WHERE status = 'pending';
CREATE INDEX unsorted_lead_email ON unsorted_lead (email_key) WHERE status = 'pending';
