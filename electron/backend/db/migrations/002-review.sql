-- Prefecture review (issue 3): profiles, opinions, scoring grids and scores, rankings, targets.

-- Who is using this database. The current profile is a setting of the database (shared by the
-- desktop app, browser mode and the CLI), so every write is journaled under that name.
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('PREFECTURE', 'COMMITTEE', 'ADMIN')),
  departments TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Prefect opinions: append-only, one row per version; the highest version is current.
CREATE TABLE opinions (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  opinion TEXT NOT NULL CHECK (opinion IN ('FAVORABLE', 'DEFAVORABLE', 'EXAMEN_COMPLEMENTAIRE', 'DOUBLON')),
  posts_supported INTEGER NOT NULL CHECK (posts_supported >= 0),
  comment TEXT NOT NULL,
  duplicate_of_id INTEGER REFERENCES dossiers (id),
  transfer_from_id INTEGER REFERENCES dossiers (id),
  transfer_posts INTEGER,
  author_id INTEGER NOT NULL REFERENCES profiles (id),
  author_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'import')),
  UNIQUE (dossier_id, version)
);
CREATE INDEX opinions_author ON opinions (author_id, dossier_id);

-- Scoring grids: a new row per saved version, never updated; criteria as JSON.
CREATE TABLE grids (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  criteria TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- Version 1: DEFAULT_GRID of shared/domain/review.ts (a unit test keeps the two identical).
INSERT INTO grids (id, version, name, scale_min, scale_max, criteria, created_at, created_by) VALUES (1, 1, 'Grille AMI CNFS', 0, 5, '[{"key":"besoins","label":"Besoins identifiés et offre existante","description":"Pertinence du projet au regard des besoins du territoire et de l’offre de médiation numérique déjà présente (premier motif de refus des COSELEC).","weight":3},{"key":"accueil","label":"Lieux de passage, itinérance, accueil universel et gratuit","description":"Le conseiller va vers les publics : permanences dans des lieux de passage, itinérance, accueil ouvert à tous et gratuit.","weight":2},{"key":"collectivites","label":"Articulation avec les collectivités","description":"Le projet s’inscrit dans celui des collectivités locales (soutien, convention, complémentarité des lieux).","weight":2},{"key":"capacite","label":"Capacité à recruter et à accueillir","description":"Recrutement possible dans les 3 mois suivant la notification ; équipement et encadrement du conseiller.","weight":2},{"key":"territoires","label":"Territoires prioritaires","description":"Intervention en zone de revitalisation rurale (ZRR), en quartier prioritaire (QPV) ou dans un espace France Services.","weight":1.5},{"key":"finances","label":"Solidité financière","description":"Type et durée du contrat, aides publiques déjà perçues (déduites de la subvention), cofinancement du poste.","weight":1}]', '2021-03-01T00:00:00.000Z', 'CNFS Revue (grille par défaut)');

-- Scores: a new row per save; `current` marks each reviewer's latest sheet on a dossier.
CREATE TABLE scores (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  reviewer_id INTEGER NOT NULL REFERENCES profiles (id),
  reviewer_name TEXT NOT NULL,
  grid_id INTEGER NOT NULL REFERENCES grids (id),
  criteria_values TEXT NOT NULL,
  comment TEXT,
  created_at TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX scores_dossier ON scores (dossier_id, current);
CREATE INDEX scores_reviewer ON scores (reviewer_id, dossier_id);

-- A department's priority order (dossiers without a row are not ranked yet).
CREATE TABLE rankings (
  department_code TEXT NOT NULL,
  dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (department_code, dossier_id)
) WITHOUT ROWID;

-- Agreed number of posts per department: a row per change (who, when); the latest counts.
CREATE TABLE department_targets (
  id INTEGER PRIMARY KEY,
  department_code TEXT NOT NULL,
  target INTEGER CHECK (target IS NULL OR target >= 0),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);
CREATE INDEX department_targets_code ON department_targets (department_code, id);

-- Each dossier's review state, kept in the same transaction as every opinion or score write so
-- that the list sorts and filters on it and department totals sum it without joins.
ALTER TABLE dossiers ADD COLUMN review_opinion TEXT;
ALTER TABLE dossiers ADD COLUMN review_posts INTEGER;
ALTER TABLE dossiers ADD COLUMN review_score REAL;
ALTER TABLE dossiers ADD COLUMN review_reviewers INTEGER NOT NULL DEFAULT 0;
-- Covering: a department's review totals and the count + sum of an opinion filter read the index
-- only, never the wide rows.
CREATE INDEX dossiers_review_department ON dossiers (department_code, review_opinion, review_posts, posts_requested);
CREATE INDEX dossiers_review_opinion ON dossiers (review_opinion, posts_requested);
CREATE INDEX dossiers_review_score ON dossiers (review_score);
CREATE INDEX dossiers_review_posts ON dossiers (review_posts);
