-- Dossiers, their provenance, history and platform decisions; the journal (audit trail).

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  tables TEXT NOT NULL,
  hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL
);

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  total INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  rejections TEXT NOT NULL
);
CREATE INDEX import_batches_hash ON import_batches (file_hash);

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  siret TEXT,
  name TEXT,
  sort_name TEXT NOT NULL DEFAULT '',
  legal_name TEXT,
  structure_type TEXT,
  phase TEXT,
  status TEXT NOT NULL,
  postal_code TEXT,
  commune_code TEXT,
  commune_name TEXT,
  commune_insee TEXT,
  department_code TEXT NOT NULL,
  region_code TEXT,
  address TEXT,
  phone TEXT,
  email TEXT,
  admin_emails TEXT,
  account_created INTEGER,
  password_chosen INTEGER,
  matching_count INTEGER,
  posts_requested INTEGER NOT NULL,
  coselec_validated INTEGER,
  posts_granted INTEGER,
  coselec_number TEXT,
  coselec_date TEXT,
  zrr INTEGER,
  qpv TEXT,
  qpv_count INTEGER,
  france_services INTEGER,
  legal_form TEXT,
  national_network INTEGER,
  network_name TEXT,
  network_regions INTEGER,
  network_departments INTEGER,
  network_beneficiaries INTEGER,
  contract_type TEXT,
  contract_months INTEGER,
  branch_agreement INTEGER,
  declared_aid REAL,
  consolidation INTEGER,
  motivation TEXT,
  submitted_at TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  warning_count INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dossiers_department ON dossiers (department_code);
CREATE INDEX dossiers_region ON dossiers (region_code);
CREATE INDEX dossiers_status ON dossiers (status);
CREATE INDEX dossiers_sort_name ON dossiers (sort_name);
CREATE INDEX dossiers_updated ON dossiers (updated_at);

CREATE TABLE dossier_warnings (
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  PRIMARY KEY (dossier_id, code)
) WITHOUT ROWID;
CREATE INDEX dossier_warnings_code ON dossier_warnings (code);

CREATE TABLE dossier_provenance (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  batch_id INTEGER NOT NULL REFERENCES import_batches (id),
  row_number INTEGER NOT NULL,
  action TEXT NOT NULL
);
CREATE INDEX dossier_provenance_dossier ON dossier_provenance (dossier_id);

CREATE TABLE dossier_changes (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  source TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX dossier_changes_dossier ON dossier_changes (dossier_id);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  session_number TEXT,
  session_date TEXT,
  decision TEXT NOT NULL CHECK (decision IN ('POSITIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE')),
  posts_granted INTEGER,
  priority INTEGER NOT NULL DEFAULT 0,
  comment TEXT,
  source TEXT NOT NULL CHECK (source IN ('platform', 'committee')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX decisions_dossier ON decisions (dossier_id);

-- Full-text search over what a user types into the search box (FTS4: sql.js has no FTS5).
-- External content, maintained by the dossier writes (row by row, or rebuilt after a bulk import):
-- those statements are journaled, so a replay maintains it too.
CREATE VIRTUAL TABLE dossiers_fts USING fts4 (
  content="dossiers",
  external_id, name, legal_name, siret, commune_name, postal_code, network_name, motivation,
  tokenize=unicode61 "remove_diacritics=2"
);
