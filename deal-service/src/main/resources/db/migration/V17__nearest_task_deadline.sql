-- The board's red mark: when the deal's nearest open task falls due (DealTaskStatusChanged v1.1); null when none or not yet told.
ALTER TABLE deal_task_status ADD COLUMN nearest_deadline timestamptz;
