-- Reserved: the journal keeps each entry's hashed content (record-integrity issue).
-- Each journal row keeps the exact text its hash was computed on (the entry's row changes as data),
-- so the chain can be re-verified from the base alone at any time: TEXT when short, raw-deflated
-- UTF-8 as a BLOB when long. Rows recorded before this migration have none; only their links can be
-- checked.
ALTER TABLE journal ADD COLUMN body BLOB;
