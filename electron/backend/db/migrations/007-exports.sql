-- Excel exports of allocation decisions (issue 6): the date the advisor's work contract was
-- signed, from which the three payment tranches fall due (AMI §3: 20 % within the month, 30 % at
-- 6 months, 50 % at 12 months). ISO date YYYY-MM-DD, set by the national level; NULL: not known.
ALTER TABLE dossiers ADD COLUMN contract_signed_at TEXT;
