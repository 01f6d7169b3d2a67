-- Tags on contacts and companies; a merged duplicate points at the party that stayed.
ALTER TABLE party_view ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
ALTER TABLE party_view ADD COLUMN merged_into uuid;
CREATE INDEX party_view_tags ON party_view USING gin (tags);
