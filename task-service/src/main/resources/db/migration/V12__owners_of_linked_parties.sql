-- Rule 10 for what a task refers to: a task may be linked only to a contact or company its author
-- may see, so task-service keeps each one's owner (ContactCreated, CompanyCreated, PartyOwnerChanged).
-- Parties heard of before this column have none until their owner changes: they are let through.
ALTER TABLE party_ref ADD COLUMN owner_id varchar(64);
