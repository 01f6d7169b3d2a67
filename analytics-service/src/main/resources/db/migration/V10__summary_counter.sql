-- Running totals fed from the services' event topics.
CREATE TABLE summary_counter (
    name       varchar(100) PRIMARY KEY,
    value      bigint       NOT NULL,
    updated_at timestamptz  NOT NULL
);
