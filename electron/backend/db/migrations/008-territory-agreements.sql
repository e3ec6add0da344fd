-- Territorial coherence, agreed targets per department (issue 4): the « accords préalables de
-- principe » imported from a file. Each import is one version (who, when, which file); its rows are
-- department_targets rows carrying its id, so the latest row of a department stays its current
-- target whether it came from a distribution, an agreement or a targets:set.
CREATE TABLE target_agreements (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  departments INTEGER NOT NULL CHECK (departments > 0),
  total INTEGER NOT NULL CHECK (total >= 0),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);

ALTER TABLE department_targets ADD COLUMN agreement_id INTEGER REFERENCES target_agreements (id);
