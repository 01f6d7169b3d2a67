-- Task types (Звонок, Встреча, ...): the admin edits the list. A type taken off the list is
-- archived, not deleted, so that old tasks keep their name.
CREATE TABLE task_type (
    code     varchar(40) PRIMARY KEY,
    name     varchar(60) NOT NULL,
    position integer     NOT NULL,
    active   boolean     NOT NULL DEFAULT true
);
INSERT INTO task_type (code, name, position) VALUES
    ('call', 'Звонок', 1),
    ('meeting', 'Встреча', 2),
    ('letter', 'Письмо', 3),
    ('follow_up', 'Связаться', 4);

-- Business-process templates: the task a deal gets on entering a stage when it has none open
-- ("что надо сделать, чтобы продвинуть сделку"). The admin edits them; a stage without a row
-- gets no task.
CREATE TABLE stage_template (
    funnel             varchar(40)   NOT NULL,
    stage              varchar(40)   NOT NULL,
    text               varchar(2000) NOT NULL,
    type               varchar(40)   NOT NULL REFERENCES task_type (code),
    due_offset_minutes integer       NOT NULL CHECK (due_offset_minutes BETWEEN 0 AND 525600),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    updated_by         varchar(64)   NOT NULL DEFAULT 'system',
    PRIMARY KEY (funnel, stage)
);
INSERT INTO stage_template (funnel, stage, text, type, due_offset_minutes) VALUES
    ('scrap', 'lead', 'Квалифицировать по анкете: позвонить, узнать какой лом, объёмы, где находится, доставка или вывоз, условия оплаты', 'call', 120),
    ('scrap', 'qualified', 'Сделать предложение: назвать цену и условия приёмки', 'call', 1440),
    ('scrap', 'offer', 'Договориться о первой поставке: дата, объём, доставка или вывоз', 'call', 1440),
    ('scrap', 'first_delivery', 'Договориться о второй поставке, отработать замечания по первой', 'call', 4320),
    ('scrap', 'repeat_deliveries', 'Договориться о следующей поставке: довести клиента до пятой', 'call', 10080),
    ('permanent', 'handed_over', 'Принять клиента: позвонить, представиться, договориться о следующей поставке', 'call', 1440),
    ('permanent', 'delivering', 'Созвониться с клиентом: уточнить объёмы и дату следующей поставки', 'call', 20160),
    ('permanent', 'not_delivering', 'Выяснить причину, вернуть клиента', 'call', 1440);

-- One row per task: the list, the calendar and the card (TaskViewProjection, tracking processor).
CREATE TABLE task_view (
    id           uuid          PRIMARY KEY,
    text         varchar(2000) NOT NULL,
    type         varchar(40)   NOT NULL,
    due_at       timestamptz,
    due_date     date,
    time_zone    varchar(64),
    due_sort     timestamptz   NOT NULL, -- due_at, or the start of due_date in time_zone: ranges and sorting
    deadline     timestamptz   NOT NULL, -- due_at, or the end of due_date in time_zone: overdue after it
    assignee_id  varchar(64)   NOT NULL,
    link_type    varchar(10),
    link_id      uuid,
    status       varchar(10)   NOT NULL, -- open | overdue | done
    result       varchar(2000),
    completed_at timestamptz,
    completed_by varchar(64),
    created_by   varchar(64)   NOT NULL,
    created_at   timestamptz   NOT NULL,
    source       varchar(20)   NOT NULL,
    funnel       varchar(40),
    stage        varchar(40),
    deleted      boolean       NOT NULL DEFAULT false,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL
);
CREATE INDEX task_view_assignee ON task_view (assignee_id, due_sort) WHERE NOT deleted;
CREATE INDEX task_view_link ON task_view (link_id) WHERE NOT deleted;
CREATE INDEX task_view_due ON task_view (due_sort) WHERE NOT deleted;
CREATE INDEX task_view_due_date ON task_view (due_date) WHERE NOT deleted AND due_date IS NOT NULL;

-- What the write side decides on, kept in the same transaction as the task's events
-- (TaskStateProjection, subscribing): which tasks are open, of which deal, due when, already
-- marked overdue. Never lags, so a stage task is created only for a deal that really has none
-- and the overdue sweep never misses or repeats a task.
CREATE TABLE task_state (
    id          uuid        PRIMARY KEY,
    assignee_id varchar(64) NOT NULL,
    link_type   varchar(10),
    link_id     uuid,
    open        boolean     NOT NULL,
    deleted     boolean     NOT NULL DEFAULT false,
    deadline    timestamptz NOT NULL,
    overdue     boolean     NOT NULL DEFAULT false
);
CREATE INDEX task_state_link ON task_state (link_id) WHERE link_id IS NOT NULL;
CREATE INDEX task_state_sweep ON task_state (deadline) WHERE open AND NOT overdue;

-- Deals as task-service knows them, from deal-service's topic (DealEvents), and their open task
-- count (TaskStateProjection). `known` is false while only tasks have named the deal.
CREATE TABLE deal_ref (
    id                 uuid         PRIMARY KEY,
    known              boolean      NOT NULL DEFAULT false,
    title              varchar(200),
    funnel             varchar(40),
    stage              varchar(40),
    owner_id           varchar(64),
    closed             boolean      NOT NULL DEFAULT false,
    deal_version       bigint       NOT NULL DEFAULT -1,
    open_tasks         integer      NOT NULL DEFAULT 0,
    without_task_since timestamptz,
    created_at         timestamptz,
    updated_at         timestamptz
);
CREATE INDEX deal_ref_owner ON deal_ref (owner_id);
CREATE INDEX deal_ref_without_task ON deal_ref (without_task_since) WHERE known AND NOT closed AND open_tasks = 0;

-- Names of contacts and companies, from party-service's topic, for task links.
CREATE TABLE party_ref (
    id          uuid         PRIMARY KEY,
    kind        varchar(10)  NOT NULL,
    name        varchar(300) NOT NULL,
    merged_into uuid
);

-- Funnels and their stages, from deal-service's topic: names for the template settings, and
-- which stages exist.
CREATE TABLE funnel_ref (
    code     varchar(40)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    position integer      NOT NULL
);
CREATE TABLE funnel_stage_ref (
    funnel   varchar(40)  NOT NULL REFERENCES funnel_ref (code) ON DELETE CASCADE,
    code     varchar(40)  NOT NULL,
    name     varchar(100) NOT NULL,
    kind     varchar(10)  NOT NULL,
    position integer      NOT NULL,
    PRIMARY KEY (funnel, code)
);
-- deal-service's two default funnels, until its FunnelDefined events (read from the start of its
-- topic) replace them.
INSERT INTO funnel_ref (code, name, position) VALUES ('scrap', 'ЛОМ', 0), ('permanent', 'Постоянные клиенты (лом)', 1);
INSERT INTO funnel_stage_ref (funnel, code, name, kind, position) VALUES
    ('scrap', 'lead', 'Лид', 'open', 0),
    ('scrap', 'qualified', 'Квалифицирован', 'open', 1),
    ('scrap', 'offer', 'Сделано предложение', 'open', 2),
    ('scrap', 'first_delivery', 'Первая поставка', 'open', 3),
    ('scrap', 'repeat_deliveries', 'Повторные поставки', 'open', 4),
    ('scrap', 'won', 'Успешно реализовано', 'won', 5),
    ('scrap', 'lost', 'Закрыто и не реализовано', 'lost', 6),
    ('permanent', 'handed_over', 'Передан', 'open', 0),
    ('permanent', 'delivering', 'Везёт', 'open', 1),
    ('permanent', 'not_delivering', 'Не везет', 'open', 2);
