-- Reserved: department workbook rows carry the opinion version they were made from (record-integrity issue).
-- A version read from a department workbook is the prefecture's word (its author is the
-- department's prefecture), but someone else typed the file in: `imported_by` keeps who imported
-- it, shown beside the author in the opinion history. NULL for every other version.
ALTER TABLE opinions ADD COLUMN imported_by TEXT;
-- The workbook row a version was applied from (a content hash of the row, its base version and
-- the workbook's export id): importing the same row again, even after later versions, is known
-- and applies nothing instead of raising a conflict.
ALTER TABLE opinions ADD COLUMN workbook_row TEXT;
