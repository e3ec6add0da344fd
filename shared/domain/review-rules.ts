/**
 * Validation of what a reviewer submits: opinions, grids, scores, profiles. Each returns the
 * French messages to show ([] = valid); the backend stores nothing unless the list is empty.
 */
import { isDepartmentCode } from './geography';
import { COMMENT_MAX, COMMENT_MIN, OPINION_KINDS, ROLES, type GridInput, type OpinionInput, type Role, type ScoreInput } from './review';

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isId = (n: unknown): n is number => isWhole(n) && n > 0;
/** Characters as a reader counts them (an accented letter or an emoji is one). */
const charCount = (text: string) => [...text].length;

export const SCORE_COMMENT_MAX = 1000;
export const PROFILE_NAME_MAX = 120;

function commentErrors(comment: unknown): string[] {
  if (typeof comment !== 'string') return [`Le commentaire justifiant l’avis est obligatoire (${COMMENT_MIN} à ${COMMENT_MAX} caractères).`];
  const length = charCount(comment.trim());
  if (length < COMMENT_MIN) return [`Le commentaire justifiant l’avis doit compter au moins ${COMMENT_MIN} caractères (${length} saisi${length > 1 ? 's' : ''}).`];
  if (length > COMMENT_MAX) return [`Le commentaire justifiant l’avis ne doit pas dépasser ${COMMENT_MAX} caractères (${length} saisis).`];
  return [];
}

export function validateOpinion(input: OpinionInput, postsRequested: number): string[] {
  const errors: string[] = [];
  if (!(OPINION_KINDS as readonly string[]).includes(input.opinion)) errors.push('Choisissez un avis : favorable, défavorable, examen complémentaire ou doublon.');
  if (!isWhole(input.postsSupported) || input.postsSupported < 0) {
    errors.push('Le nombre de postes soutenus doit être un nombre entier positif ou nul.');
  } else if (input.postsSupported > postsRequested) {
    errors.push(`Le nombre de postes soutenus (${input.postsSupported}) ne peut pas dépasser le nombre de postes demandés (${postsRequested}).`);
  } else if (input.opinion === 'FAVORABLE' && input.postsSupported === 0) {
    errors.push('Un avis favorable soutient au moins un poste : indiquez le nombre de postes soutenus, ou donnez un autre avis.');
  } else if (input.opinion === 'DEFAVORABLE' && input.postsSupported > 0) {
    errors.push(`Un avis défavorable ne soutient aucun poste (${input.postsSupported} indiqué${input.postsSupported > 1 ? 's' : ''}) : mettez 0 poste soutenu, ou donnez un avis favorable.`);
  }
  errors.push(...commentErrors(input.comment));
  const duplicateOf = input.duplicateOfId ?? null;
  if (input.opinion === 'DOUBLON') {
    if (duplicateOf === null) errors.push('Un avis « Doublon » doit indiquer le dossier dont celui-ci est le doublon.');
    else if (!isId(duplicateOf)) errors.push('Le dossier indiqué comme original du doublon est invalide.');
    else if (duplicateOf === input.dossierId) errors.push('Un dossier ne peut pas être le doublon de lui-même.');
  } else if (duplicateOf !== null) {
    errors.push('Le dossier original ne s’indique que pour un avis « Doublon ».');
  }
  const transferFrom = input.transferFromId ?? null;
  const transferPosts = input.transferPosts ?? null;
  if (transferFrom !== null) {
    if (!isId(transferFrom)) errors.push('Le dossier d’origine du transfert de poste est invalide.');
    else if (transferFrom === input.dossierId) errors.push('Un transfert de poste doit venir d’un autre dossier.');
    if (!isWhole(transferPosts) || transferPosts < 1) errors.push('Indiquez le nombre de postes transférés (entier ≥ 1).');
  } else if (transferPosts !== null) {
    errors.push('Indiquez le dossier d’origine des postes transférés.');
  }
  return errors;
}

export function validateGrid(input: GridInput): string[] {
  const errors: string[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '') errors.push('Donnez un nom à la grille.');
  if (!isWhole(input.scaleMin) || !isWhole(input.scaleMax)) errors.push('Les bornes de l’échelle de notation doivent être des nombres entiers.');
  else if (input.scaleMin >= input.scaleMax) errors.push(`L’échelle de notation doit aller d’une note minimale à une note maximale plus grande (${input.scaleMin} – ${input.scaleMax}).`);
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    errors.push('La grille doit compter au moins un critère.');
    return errors;
  }
  const keys = new Set<string>();
  const labels = new Set<string>();
  input.criteria.forEach((criterion, i) => {
    const name = typeof criterion.label === 'string' && criterion.label.trim() !== '' ? `« ${criterion.label.trim()} »` : `n° ${i + 1}`;
    const key = typeof criterion.key === 'string' ? criterion.key.trim() : '';
    if (key === '') errors.push(`Le critère ${name} n’a pas d’identifiant.`);
    else if (keys.has(key)) errors.push(`L’identifiant « ${key} » est utilisé par plusieurs critères.`);
    keys.add(key);
    const label = typeof criterion.label === 'string' ? criterion.label.trim() : '';
    if (label === '') errors.push(`Le critère n° ${i + 1} n’a pas de libellé.`);
    else if (labels.has(label.toLowerCase())) errors.push(`Le libellé « ${label} » est utilisé par plusieurs critères.`);
    labels.add(label.toLowerCase());
    if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight) || criterion.weight <= 0) {
      errors.push(`Le poids du critère ${name} doit être un nombre strictement positif (${String(criterion.weight)} saisi).`);
    }
  });
  return errors;
}

/** `grid`: the grid version the scores were made with. */
export function validateScore(input: ScoreInput, grid: GridInput): string[] {
  const errors: string[] = [];
  const values = input.values ?? {};
  const known = new Set(grid.criteria.map((c) => c.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push(`Le critère « ${key} » ne fait pas partie de cette grille.`);
  }
  for (const criterion of grid.criteria) {
    if (!Object.hasOwn(values, criterion.key)) {
      errors.push(`Notez le critère « ${criterion.label} » ou indiquez qu’il n’est pas évaluable.`);
      continue;
    }
    const value = values[criterion.key];
    if (value === null) continue;
    if (!isWhole(value) || value < grid.scaleMin || value > grid.scaleMax) {
      errors.push(`La note du critère « ${criterion.label} » doit être un entier de ${grid.scaleMin} à ${grid.scaleMax} (${String(value)} saisi).`);
    }
  }
  const comment = input.comment ?? null;
  if (comment !== null && (typeof comment !== 'string' || charCount(comment) > SCORE_COMMENT_MAX)) {
    errors.push(`Le commentaire de notation ne doit pas dépasser ${SCORE_COMMENT_MAX} caractères.`);
  }
  return errors;
}

export function validateProfile(input: { name: string; role: Role; departments: string[] }): string[] {
  const errors: string[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') errors.push('Indiquez votre nom.');
  else if (charCount(name) > PROFILE_NAME_MAX) errors.push(`Le nom ne doit pas dépasser ${PROFILE_NAME_MAX} caractères.`);
  if (!(ROLES as readonly string[]).includes(input.role)) errors.push('Choisissez un rôle : agent de préfecture, membre du comité national ou administrateur ANCT.');
  const departments = Array.isArray(input.departments) ? input.departments : [];
  if (input.role === 'PREFECTURE' && departments.length === 0) errors.push('Un agent de préfecture doit indiquer au moins un département.');
  if (input.role !== 'PREFECTURE' && departments.length > 0) errors.push('Seul un agent de préfecture est rattaché à des départements.');
  const unknown = departments.filter((code) => typeof code !== 'string' || !isDepartmentCode(code));
  if (unknown.length > 0) errors.push(`Département${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown.map(String).join(', ')}.`);
  return errors;
}
