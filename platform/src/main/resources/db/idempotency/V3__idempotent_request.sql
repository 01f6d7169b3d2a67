-- Idempotency-Key: the first answer to a write, kept a day, so a client that retries (a lost
-- answer, a timeout, a double click) gets it again instead of a second deal or task.
CREATE TABLE idempotent_request (
    caller_id    varchar(64)  NOT NULL,
    idem_key     varchar(200) NOT NULL,
    method       varchar(10)  NOT NULL,
    path         varchar(2000) NOT NULL,
    body_sha256  bytea        NOT NULL,
    status       integer,                 -- null while the first request is still being answered
    content_type varchar(200),
    location     varchar(2000),
    etag         varchar(200),
    body         bytea,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller_id, idem_key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
