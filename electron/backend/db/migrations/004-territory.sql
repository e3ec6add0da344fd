-- Territorial coherence (issue 4): versions of the national distribution of targets.

-- A national total spread over the departments by a key (population), with an optional floor.
-- Its per-department targets are rows of department_targets carrying its id, so the latest row of
-- a department stays its current target whether it came from a distribution or a targets:set.
CREATE TABLE target_versions (
  id INTEGER PRIMARY KEY,
  total INTEGER NOT NULL CHECK (total >= 0),
  key TEXT NOT NULL CHECK (key IN ('population')),
  floor INTEGER NOT NULL DEFAULT 0 CHECK (floor >= 0),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);

ALTER TABLE department_targets ADD COLUMN version_id INTEGER REFERENCES target_versions (id);

-- Coherence checks: the same SIRET in several departments, and the spread of each network, read
-- these covering indexes instead of the wide rows; CUI contracts are found without a full scan.
CREATE INDEX dossiers_siret ON dossiers (siret, department_code);
CREATE INDEX dossiers_network ON dossiers (network_name, department_code);
CREATE INDEX dossiers_contract ON dossiers (contract_type);
