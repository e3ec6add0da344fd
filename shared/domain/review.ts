/**
 * Prefecture review: user profiles, the prefect's opinion ("avis préfet"), scoring grids and
 * scores, department totals and rankings. Types, constants and labels; the pure rules are in
 * review-rules.ts (validation, imported from there: it depends on this module's constants, so a
 * re-export here would be an import cycle) and review-score.ts (aggregation, re-exported here).
 */
import type { DossierDetail } from './dossier';

export const ROLES = ['PREFECTURE', 'COMMITTEE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  PREFECTURE: 'Agent de préfecture',
  COMMITTEE: 'Membre du comité national',
  ADMIN: 'Administrateur ANCT',
};

/** `departments`: only for PREFECTURE (at least one), empty for the other roles. */
export interface UserProfile {
  id: number;
  name: string;
  role: Role;
  departments: string[];
  createdAt: string;
}

export const OPINION_KINDS = ['FAVORABLE', 'DEFAVORABLE', 'EXAMEN_COMPLEMENTAIRE', 'DOUBLON'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export const OPINION_LABELS: Record<OpinionKind, string> = {
  FAVORABLE: 'Favorable',
  DEFAVORABLE: 'Défavorable',
  EXAMEN_COMPLEMENTAIRE: 'Examen complémentaire',
  DOUBLON: 'Doublon',
};

/** Label of "no opinion yet" (filter and facet value 'NONE'). */
export const NO_OPINION_LABEL = 'Sans avis';

/** Justification comment length, counted in characters after trimming (real platform's rule). */
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 1000;

export interface OpinionInput {
  dossierId: number;
  opinion: OpinionKind;
  postsSupported: number;
  comment: string;
  /** Required when opinion = DOUBLON: the dossier this one duplicates. */
  duplicateOfId?: number | null;
  /** Optional "transfert de poste": posts moved from another dossier. */
  transferFromId?: number | null;
  transferPosts?: number | null;
}

/** One version of a dossier's opinion; versions are never overwritten, the latest is current. */
export interface Opinion extends Required<OpinionInput> {
  id: number;
  version: number;
  authorId: number;
  authorName: string;
  createdAt: string;
  source: 'app' | 'import';
  /** A version read from a department workbook: its author is the prefecture, this is who imported the file. */
  importedBy: string | null;
}

export interface GridCriterion {
  /** Stable across grid versions: scores are matched to criteria by key. */
  key: string;
  label: string;
  description: string;
  /** > 0, decimals allowed. */
  weight: number;
}

export interface GridInput {
  name: string;
  /** Whole numbers, scaleMin < scaleMax; every criterion is scored on this scale. */
  scaleMin: number;
  scaleMax: number;
  criteria: GridCriterion[];
}

export interface ScoringGrid extends GridInput {
  id: number;
  version: number;
  createdAt: string;
  createdBy: string;
  current: boolean;
}

/** The grid installed as version 1: the real refusal grounds and the call's priorities. */
export const DEFAULT_GRID: GridInput = {
  name: 'Grille AMI CNFS',
  scaleMin: 0,
  scaleMax: 5,
  criteria: [
    {
      key: 'besoins',
      label: 'Besoins identifiés et offre existante',
      description: 'Pertinence du projet au regard des besoins du territoire et de l’offre de médiation numérique déjà présente (premier motif de refus des COSELEC).',
      weight: 3,
    },
    {
      key: 'accueil',
      label: 'Lieux de passage, itinérance, accueil universel et gratuit',
      description: 'Le conseiller va vers les publics : permanences dans des lieux de passage, itinérance, accueil ouvert à tous et gratuit.',
      weight: 2,
    },
    {
      key: 'collectivites',
      label: 'Articulation avec les collectivités',
      description: 'Le projet s’inscrit dans celui des collectivités locales (soutien, convention, complémentarité des lieux).',
      weight: 2,
    },
    {
      key: 'capacite',
      label: 'Capacité à recruter et à accueillir',
      description: 'Recrutement possible dans les 3 mois suivant la notification ; équipement et encadrement du conseiller.',
      weight: 2,
    },
    {
      key: 'territoires',
      label: 'Territoires prioritaires',
      description: 'Intervention en zone de revitalisation rurale (ZRR), en quartier prioritaire (QPV) ou dans un espace France Services.',
      weight: 1.5,
    },
    {
      key: 'finances',
      label: 'Solidité financière',
      description: 'Type et durée du contrat, aides publiques déjà perçues (déduites de la subvention), cofinancement du poste.',
      weight: 1,
    },
  ],
};

/** `null` = « non évaluable ». */
export interface ScoreInput {
  dossierId: number;
  gridId: number;
  values: Record<string, number | null>;
  comment?: string | null;
}

export interface ReviewerScore {
  reviewerId: number;
  reviewerName: string;
  gridId: number;
  gridVersion: number;
  values: Record<string, number | null>;
  comment: string | null;
  /** On the current grid's scale (see review-score.ts); null when nothing was assessable. */
  weightedMean: number | null;
  at: string;
}

export interface ScoreSpread {
  min: number;
  max: number;
  /** Population standard deviation of the reviewers' weighted means. */
  stdDev: number;
}

export interface CriterionMean {
  key: string;
  label: string;
  mean: number | null;
  assessed: number;
}

export interface DossierScores {
  dossierId: number;
  reviewers: ReviewerScore[];
  /** Mean over reviewers of each reviewer's weighted mean; null when nothing assessable. */
  aggregate: number | null;
  spread: ScoreSpread | null;
  /** For the current grid's criteria. */
  perCriterion: CriterionMean[];
}

export interface DepartmentTotals {
  departmentCode: string;
  dossiers: number;
  requested: number;
  /** Dossiers with a current opinion. */
  reviewed: number;
  /** Dossiers whose current opinion is favourable. */
  favourable: number;
  /** Posts supported by the current favourable opinions. */
  postsSupported: number;
  target: number | null;
}

export interface RankingEntry {
  dossierId: number;
  externalId: string;
  name: string | null;
  /** 1-based; dossiers not yet ranked follow the stored order, by aggregate score then name. */
  rank: number;
  postsRequested: number;
  opinion: OpinionKind | null;
  /** Posts supported by the current opinion (0 without one). */
  postsSupported: number;
  /** Running total of posts supported by favourable opinions, down to this row. */
  cumulativeSupported: number;
  aggregate: number | null;
}

export interface DepartmentRanking {
  departmentCode: string;
  entries: RankingEntry[];
  totals: DepartmentTotals;
}

export interface ComparisonItem {
  dossier: DossierDetail;
  opinion: Opinion | null;
  scores: DossierScores;
}

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export { weightedMean, aggregateScores, type ScoredSheet, type ScoreAggregate } from './review-score';
