-- National selection committee (issue 5): members, numbered sessions, presence, agenda, conflicts
-- of interest, decisions (the decisions table of 001 gains their session, grounds, vote…),
-- sealed minutes and amendments.

CREATE TABLE committee_members (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE committee_sessions (
  id INTEGER PRIMARY KEY,
  -- Free text, unique whatever the case: "12", "62BIS".
  number TEXT NOT NULL UNIQUE COLLATE NOCASE,
  date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  chair_id INTEGER REFERENCES committee_members (id),
  status TEXT NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'CLOSED', 'VALIDATED')),
  -- JSON QuorumRule: {"kind":"MAJORITY"} or {"kind":"MINIMUM","count":N}.
  quorum_rule TEXT NOT NULL DEFAULT '{"kind":"MAJORITY"}',
  -- JSON: the free-text sections of the minutes, by MinutesSection key.
  sections TEXT NOT NULL DEFAULT '{}',
  -- Sealed minutes: the canonical content that was hashed, its SHA-256, who and when.
  minutes_content TEXT,
  minutes_hash TEXT,
  validated_at TEXT,
  validated_by TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committee_sessions_date ON committee_sessions (date);

CREATE TABLE session_members (
  session_id INTEGER NOT NULL REFERENCES committee_sessions (id),
  member_id INTEGER NOT NULL REFERENCES committee_members (id),
  presence TEXT NOT NULL DEFAULT 'ABSENT' CHECK (presence IN ('PRESENT', 'EXCUSED', 'ABSENT')),
  PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;

CREATE TABLE agenda_items (
  session_id INTEGER NOT NULL REFERENCES committee_sessions (id),
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
  position INTEGER NOT NULL,
  -- Number of the earlier session that sent the dossier to further review (carried over).
  carried_over_from TEXT,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (session_id, dossier_id)
) WITHOUT ROWID;
CREATE INDEX agenda_items_dossier ON agenda_items (dossier_id);

CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES committee_sessions (id),
  member_id INTEGER NOT NULL REFERENCES committee_members (id),
  dossier_id INTEGER REFERENCES dossiers (id),
  siret TEXT,
  network_name TEXT,
  note TEXT NOT NULL DEFAULT '',
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  CHECK ((dossier_id IS NOT NULL) + (siret IS NOT NULL) + (network_name IS NOT NULL) = 1)
);
CREATE INDEX conflicts_session ON conflicts (session_id);

-- Corrections of sealed minutes; their decision entries carry amendment_id.
CREATE TABLE amendments (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES committee_sessions (id),
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX amendments_session ON amendments (session_id);

-- Decisions stay append-only: a dossier's current decision is its latest row (highest id), and a
-- session's decision on a dossier is the latest row with that session_id.
ALTER TABLE decisions ADD COLUMN session_id INTEGER REFERENCES committee_sessions (id);
-- JSON array of RefusalGround codes.
ALTER TABLE decisions ADD COLUMN grounds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN justification TEXT;
-- JSON VoteCount {"for":n,"against":n,"abstain":n} or NULL without a vote.
ALTER TABLE decisions ADD COLUMN vote TEXT;
ALTER TABLE decisions ADD COLUMN vote_base INTEGER;
-- JSON array of the member ids recused on this item.
ALTER TABLE decisions ADD COLUMN recused TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN amendment_id INTEGER REFERENCES amendments (id);
CREATE INDEX decisions_session ON decisions (session_id, dossier_id);

-- Who changed what on a session and its decisions, with the values before and after (JSON):
-- what sessions:history shows. Members (session_id NULL) are recorded here too.
CREATE TABLE committee_history (
  id INTEGER PRIMARY KEY,
  session_id INTEGER REFERENCES committee_sessions (id),
  dossier_id INTEGER REFERENCES dossiers (id),
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX committee_history_session ON committee_history (session_id, id);

-- Sealed minutes, in the schema too (the backend refuses first, with a French message; these
-- triggers stop any other path): a VALIDATED session, its presence, agenda and conflicts never
-- change; its decisions are never updated or deleted, and only an amendment adds to them.
-- Amendments themselves are append-only and only for sealed minutes.
CREATE TRIGGER committee_sessions_sealed_update BEFORE UPDATE ON committee_sessions
WHEN OLD.status = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : la séance est en lecture seule.'); END;
CREATE TRIGGER committee_sessions_sealed_delete BEFORE DELETE ON committee_sessions
WHEN OLD.status = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : la séance est en lecture seule.'); END;

CREATE TRIGGER session_members_sealed_insert BEFORE INSERT ON session_members
WHEN (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les présences sont en lecture seule.'); END;
CREATE TRIGGER session_members_sealed_update BEFORE UPDATE ON session_members
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
  OR (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les présences sont en lecture seule.'); END;
CREATE TRIGGER session_members_sealed_delete BEFORE DELETE ON session_members
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les présences sont en lecture seule.'); END;

CREATE TRIGGER agenda_items_sealed_insert BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : l’ordre du jour est en lecture seule.'); END;
CREATE TRIGGER agenda_items_sealed_update BEFORE UPDATE ON agenda_items
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
  OR (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : l’ordre du jour est en lecture seule.'); END;
CREATE TRIGGER agenda_items_sealed_delete BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : l’ordre du jour est en lecture seule.'); END;

CREATE TRIGGER conflicts_sealed_insert BEFORE INSERT ON conflicts
WHEN (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les conflits d’intérêts sont en lecture seule.'); END;
CREATE TRIGGER conflicts_sealed_update BEFORE UPDATE ON conflicts
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
  OR (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les conflits d’intérêts sont en lecture seule.'); END;
CREATE TRIGGER conflicts_sealed_delete BEFORE DELETE ON conflicts
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : les conflits d’intérêts sont en lecture seule.'); END;

CREATE TRIGGER decisions_sealed_insert BEFORE INSERT ON decisions
WHEN NEW.session_id IS NOT NULL AND NEW.amendment_id IS NULL
  AND (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : une décision ne s’ajoute plus que par un amendement.'); END;
CREATE TRIGGER decisions_amendment_session BEFORE INSERT ON decisions
WHEN NEW.amendment_id IS NOT NULL
  AND (SELECT session_id FROM amendments WHERE id = NEW.amendment_id) IS NOT NEW.session_id
BEGIN SELECT RAISE(ABORT, 'Un amendement ne corrige que les décisions de sa propre séance.'); END;
CREATE TRIGGER decisions_sealed_update BEFORE UPDATE ON decisions
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
  OR (SELECT status FROM committee_sessions WHERE id = NEW.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : ses décisions sont en lecture seule.'); END;
CREATE TRIGGER decisions_sealed_delete BEFORE DELETE ON decisions
WHEN (SELECT status FROM committee_sessions WHERE id = OLD.session_id) = 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Procès-verbal validé : ses décisions sont en lecture seule.'); END;

CREATE TRIGGER amendments_sealed_only BEFORE INSERT ON amendments
WHEN (SELECT status FROM committee_sessions WHERE id = NEW.session_id) IS NOT 'VALIDATED'
BEGIN SELECT RAISE(ABORT, 'Un amendement ne corrige qu’un procès-verbal validé.'); END;
CREATE TRIGGER amendments_append_only_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'Les amendements ne se modifient pas.'); END;
CREATE TRIGGER amendments_append_only_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'Les amendements ne se suppriment pas.'); END;

-- The committee's live national totals (posts granted and subsidy by contract type, declared aid
-- deducted) read this covering index instead of the wide rows of every validated dossier.
CREATE INDEX dossiers_status_subsidy ON dossiers (status, contract_type, posts_granted, declared_aid);
