-- Tags keep the person's spelling ("#склад Подольск"); two spellings that differ only in case are
-- one tag. Filters compare tag_keys (the tags in lower case, kept by PostgreSQL itself).
CREATE FUNCTION tag_keys(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(lower(tag) ORDER BY tag), '{}') FROM unnest(tags) AS tag $$;
ALTER TABLE deal_view ADD COLUMN tag_keys text[] GENERATED ALWAYS AS (tag_keys(tags)) STORED;
DROP INDEX deal_view_tags;
CREATE INDEX deal_view_tag_keys ON deal_view USING gin (tag_keys);
