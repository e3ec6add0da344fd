-- Offline exchange between prefectures and the national level (issue 7): packages and workbooks
-- imported, where each exchanged opinion or score version came from, versions merged by a
-- conflict resolution, and the conflicts themselves.

-- Every package (review package from a prefecture, dossier package from the national level) or
-- workbook whose import changed something. `checksum`: the package's SHA-256 over its canonical
-- content, or the workbook file's SHA-256.
CREATE TABLE exchange_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('reviews', 'dossiers', 'workbook')),
  file_name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  department_code TEXT NOT NULL,
  sender_name TEXT,
  sender_role TEXT,
  created_at TEXT,
  app_version TEXT,
  schema_version INTEGER,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  counts TEXT NOT NULL
);
CREATE INDEX exchange_log_checksum ON exchange_log (checksum);

-- Where an opinion or score row written by an exchange came from. `journal`: the entry of the
-- sender's journal the version was first recorded in (JSON {seq, at, user, action, hash}), or
-- NULL when it was written here (a conflict resolution, a workbook row): then `local_seq` is the
-- entry of this database's journal. Opinions keep their original author and time in their own
-- columns (author_name, created_at) with source 'import'.
CREATE TABLE exchange_origins (
  kind TEXT NOT NULL CHECK (kind IN ('opinion', 'score')),
  row_id INTEGER NOT NULL,
  log_id INTEGER REFERENCES exchange_log (id),
  journal TEXT,
  local_seq INTEGER,
  PRIMARY KEY (kind, row_id)
) WITHOUT ROWID;

-- Opinion versions of another database that this one has merged without storing them as
-- versions: the incoming side of a resolved conflict (and the versions it superseded). With the
-- dossier's own versions they tell "already seen" from "changed since the last exchange".
CREATE TABLE exchange_merged (
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  uid TEXT NOT NULL,
  PRIMARY KEY (dossier_id, uid)
) WITHOUT ROWID;

-- A dossier's opinion changed on both sides since the last exchange: the incoming version is kept
-- here (never made current silently) until a person chooses; the choice becomes a new version.
CREATE TABLE exchange_conflicts (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  log_id INTEGER NOT NULL REFERENCES exchange_log (id),
  local_opinion_id INTEGER NOT NULL REFERENCES opinions (id),
  local_uid TEXT NOT NULL,
  incoming_uid TEXT NOT NULL,
  -- JSON: the incoming version, and every uid its side had seen (history and merged).
  incoming TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'SUPERSEDED')),
  detected_at TEXT NOT NULL,
  resolved_by TEXT,
  resolved_at TEXT,
  choice TEXT CHECK (choice IS NULL OR choice IN ('local', 'incoming')),
  resolution_comment TEXT,
  result_opinion_id INTEGER REFERENCES opinions (id)
);
CREATE INDEX exchange_conflicts_dossier ON exchange_conflicts (dossier_id, status);
CREATE INDEX exchange_conflicts_status ON exchange_conflicts (status);

-- The journal entry that wrote each opinion version and score sheet (its seq), so that a package
-- traces every version to its entry exactly, even for writes within the same millisecond.
ALTER TABLE opinions ADD COLUMN journal_seq INTEGER;
ALTER TABLE scores ADD COLUMN journal_seq INTEGER;
