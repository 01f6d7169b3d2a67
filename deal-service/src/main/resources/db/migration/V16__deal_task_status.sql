-- Rule 3 on the board: task-service's DealTaskStatusChanged, per deal (version = the envelope's aggregateVersion).
CREATE TABLE deal_task_status (
    deal_id       uuid     PRIMARY KEY,
    has_open_task boolean  NOT NULL,
    open_tasks    integer  NOT NULL,
    version       bigint   NOT NULL
);
ALTER TABLE deal_view DROP COLUMN has_open_task;
