-- Imports never override decisions recorded here (record-integrity issue, point 2). A platform row
-- whose decision (Statut, Numéro COSELEC, Date COSELEC, Nombre de conseillers validés) contradicts
-- a committee decision of this base, of the same session or a later one, is kept here as the
-- platform's history and listed as a divergence; it is never applied. It is deliberately not a row
-- of `decisions`: every reader of "the current decision" (exports, totals, map, agenda, minutes)
-- takes the latest row there, so a kept-aside entry in its own table can never be taken for it.
CREATE TABLE import_divergences (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  -- The import that first reported it (the same file again does not add a second row).
  batch_id INTEGER NOT NULL REFERENCES import_batches (id),
  row_number INTEGER NOT NULL,
  -- What the platform says (the decision its state implies).
  platform_status TEXT,
  platform_decision TEXT NOT NULL CHECK (platform_decision IN ('POSITIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE')),
  platform_session_number TEXT,
  platform_session_date TEXT,
  platform_posts_granted INTEGER,
  -- What this base says: the decision contradicted, or (decision NULL) a session held here that
  -- took no decision on this dossier.
  base_decision_id INTEGER REFERENCES decisions (id),
  base_session_number TEXT,
  base_session_date TEXT,
  base_decision TEXT CHECK (base_decision IN ('POSITIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE')),
  base_posts_granted INTEGER,
  detected_at TEXT NOT NULL,
  detected_by TEXT NOT NULL,
  -- The platform's claim against the base's decision: the same pair is reported once.
  divergence_key TEXT NOT NULL UNIQUE
);
CREATE INDEX import_divergences_dossier ON import_divergences (dossier_id);
