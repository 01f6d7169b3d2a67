-- Rule 5/10 on deals: a deal may name only a contact or company the caller may see; a merged duplicate leads to its survivor.
ALTER TABLE party_name ADD COLUMN owner_id varchar(64);
ALTER TABLE party_name ADD COLUMN merged_into uuid;
