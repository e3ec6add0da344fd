-- Eligibility derogations on decisions (record-integrity issue 11). Approving a dossier whose
-- eligibility checks hold an error, or whose legal form cannot be classified, needs a derogation
-- justification, stored with the decision. Beside it, the eligibility the committee decided on
-- (JSON: state, reasons, what the derogation answers), so that the minutes and the exports say
-- what was derogated from even after the dossier changes. NULL for platform decisions.
ALTER TABLE decisions ADD COLUMN derogation TEXT;
ALTER TABLE decisions ADD COLUMN eligibility TEXT;
