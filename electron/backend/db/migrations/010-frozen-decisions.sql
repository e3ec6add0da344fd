-- A decision freezes its money (record-integrity issue, point 1). Until now the subsidy of an
-- approval was recomputed from the dossier's current fields, so re-importing a dossier with another
-- contract type or declared aid changed the exported amounts of sealed minutes. Each decision row
-- now carries its basis and its result, written once when it is recorded:
--   contract_type, contract_months, declared_aid: what the money was computed on;
--   per_post, gross_subsidy, aid_deducted, net_subsidy, tranche_1..3: the result (NULL for a refusal
--   or a further review, and when the amount per post was unknown: no contract type, CUI not set);
--   basis: JSON snapshot of the dossier fields the decision was taken on (contractType,
--   contractMonths, declaredAid, postsRequested, legalForm), compared with the dossier to say
--   « le dossier a changé depuis la décision ».
-- The tranches' due dates are not frozen: they follow the work contract's signature, a later fact
-- kept on the dossier (dossiers.contract_signed_at), from these frozen amounts.
ALTER TABLE decisions ADD COLUMN contract_type TEXT;
ALTER TABLE decisions ADD COLUMN contract_months INTEGER;
ALTER TABLE decisions ADD COLUMN declared_aid REAL;
ALTER TABLE decisions ADD COLUMN per_post REAL;
ALTER TABLE decisions ADD COLUMN gross_subsidy REAL;
ALTER TABLE decisions ADD COLUMN aid_deducted REAL;
ALTER TABLE decisions ADD COLUMN net_subsidy REAL;
ALTER TABLE decisions ADD COLUMN tranche_1 REAL;
ALTER TABLE decisions ADD COLUMN tranche_2 REAL;
ALTER TABLE decisions ADD COLUMN tranche_3 REAL;
ALTER TABLE decisions ADD COLUMN basis TEXT;

-- Existing decisions are frozen from the dossier's fields as they stand at migration time (and
-- the CUI amount of Paramètres then): the best record of their basis this base still holds. The
-- same rule as shared/domain/subsidy.ts: per post CDI 40,000 €, CDD 32,000 €, contrat de projet
-- 40,000 €, CUI the configured amount; declared aid deducted up to the gross; tranches 20/30/50 %,
-- the last absorbing the cents. The sealed-decision trigger is lifted for these updates only and
-- put back identical: filling new columns changes nothing that was decided.
DROP TRIGGER decisions_sealed_update;

UPDATE decisions SET
  contract_type = d.contract_type,
  contract_months = d.contract_months,
  declared_aid = d.declared_aid,
  basis = json_object('contractType', d.contract_type, 'contractMonths', d.contract_months, 'declaredAid', d.declared_aid, 'postsRequested', d.posts_requested, 'legalForm', d.legal_form)
FROM dossiers d WHERE d.id = decisions.dossier_id;

UPDATE decisions SET per_post = CASE contract_type
    WHEN 'CDI' THEN 40000 WHEN 'CDD' THEN 32000 WHEN 'CONTRAT_PROJET' THEN 40000
    WHEN 'CUI' THEN (SELECT json_extract(value, '$.cuiPerPost') FROM settings WHERE key = 'subsidy:settings')
  END
WHERE decision = 'POSITIF';
UPDATE decisions SET gross_subsidy = round(per_post * max(0, coalesce(posts_granted, 0)), 2) WHERE per_post IS NOT NULL;
UPDATE decisions SET aid_deducted = min(gross_subsidy, round(max(0, coalesce(declared_aid, 0)), 2)) WHERE gross_subsidy IS NOT NULL;
UPDATE decisions SET net_subsidy = round(gross_subsidy - aid_deducted, 2) WHERE gross_subsidy IS NOT NULL;
UPDATE decisions SET tranche_1 = round(net_subsidy * 0.2, 2), tranche_2 = round(net_subsidy * 0.3, 2) WHERE net_subsidy IS NOT NULL;
UPDATE decisions SET tranche_3 = round(net_subsidy - tranche_1 - tranche_2, 2) WHERE net_subsidy IS NOT NULL;

CREATE TRIGGER decisions_sealed_update BEFORE UPDATE ON decisions
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
  OR (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : ses décisions sont en lecture seule.'); END;
