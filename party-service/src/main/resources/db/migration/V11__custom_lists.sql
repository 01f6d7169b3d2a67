-- Списки → user-defined lists: the admin's column definitions, and elements owned like contacts.
CREATE TABLE custom_list (
    id         uuid         PRIMARY KEY,
    name       varchar(100) NOT NULL,
    fields     jsonb        NOT NULL,
    created_by varchar(64)  NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

CREATE TABLE custom_list_element (
    id         uuid        PRIMARY KEY,
    list_id    uuid        NOT NULL REFERENCES custom_list (id),
    field_values jsonb     NOT NULL,
    owner_id   varchar(64) NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX custom_list_element_list ON custom_list_element (list_id, updated_at DESC);
CREATE INDEX custom_list_element_owner ON custom_list_element (owner_id);
