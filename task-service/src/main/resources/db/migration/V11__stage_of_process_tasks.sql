-- Rule 3: a business-process task belongs to the stage it was made for; when the deal leaves that
-- stage (or closes) the task is closed. task_state (projected in the events' own transaction)
-- keeps the stage, so DealEvents can find those tasks without waiting for the tracking task_view.
ALTER TABLE task_state ADD COLUMN process_funnel varchar(40), ADD COLUMN process_stage varchar(40);
UPDATE task_state s SET process_funnel = v.funnel, process_stage = v.stage
FROM task_view v WHERE v.id = s.id AND v.source = 'business-process';
CREATE INDEX task_state_open_of_deal ON task_state (link_id) WHERE open AND link_type = 'deal';
