/**
 * Eligibility checks from the call for applications (AMI, §2 and §3). They inform the
 * reviewer; none of them decides: a prefecture agent gives the opinion.
 */
import type { ContractType, DossierFields, EligibilityCheck } from './dossier';
import { ALSACE_MOSELLE, isOverseas } from './geography';
import { formatEuros, groupThousands } from './money';

/** Subsidy per post by contract type; the call states no amount for CUI (configurable). */
export const SUBSIDY_PER_POST: Record<ContractType, number | null> = {
  CDI: 40_000,
  CDD: 32_000,
  CONTRAT_PROJET: 40_000,
  CUI: null,
};

export const CDD_MAX_MONTHS = 18;
export const CUI_MAX_MONTHS = 24;
/** « la durée de la convention et du contrat est de 24 mois » (AMI §3, contrat de projet). */
export const PROJECT_CONTRACT_MONTHS = 24;
/** « 4000 Conseillers numériques France Services » (AMI §I): no structure can be granted more. */
export const PROGRAMME_POSTS = 4000;
export const NATIONAL_NETWORK_MIN = { regions: 4, departments: 5, beneficiaries: 1000 } as const;

export interface Subsidy {
  perPost: number | null;
  /** Posts the amount is for: granted once the committee granted some, otherwise requested. */
  posts: number | null;
  gross: number | null;
  /** Public aid already received for the job, deducted from the subsidy. */
  aid: number | null;
  net: number | null;
}

export function subsidyFor(fields: DossierFields, cuiAmount: number | null = null): Subsidy {
  const contract = fields.contractType;
  const perPost = contract === null ? null : contract === 'CUI' ? cuiAmount : SUBSIDY_PER_POST[contract];
  const posts = fields.postsGranted !== null && fields.postsGranted > 0 ? fields.postsGranted : fields.postsRequested;
  const gross = perPost !== null && posts !== null ? perPost * posts : null;
  const aid = fields.declaredAid;
  const net = gross === null ? null : Math.max(0, gross - (aid ?? 0));
  return { perPost, posts, gross, aid, net };
}

type LegalKind = 'association' | 'undeclared' | 'ess' | 'company' | 'public' | 'unknown';

// Matched in order against the folded INSEE "catégorie juridique" label or whatever the file
// holds. A few public bodies have private-sounding names, so they are recognised first; the
// private kinds come before the general public words so that "association … de la commune"
// stays an association.
const LEGAL_PATTERNS: [LegalKind, RegExp][] = [
  // The call is for « associations déclarées » only (INSEE 9210 « Association non déclarée »).
  ['undeclared', /\bassociation (non declaree|de fait)\b/],
  // « GCS de droit public », GIP, « personne morale de droit public »: public law, whatever else the label says.
  ['public', /\b(a gestion publique|de droit public|association (syndicale|fonciere) autorisee|office public|groupement d interet public|gip)\b/],
  ['association', /\bassociation\b/],
  ['ess', /\b(cooperati(ve|f)s?|scic|scop|mutuelles?|mutualiste|fondation|fonds de dotation|entreprise sociale pour l habitat|esh|hlm|groupement de cooperation sanitaire|gcs|grades|union d economie sociale|esus|entreprise solidaire|economie sociale et solidaire|ess)\b/],
  ['public', /\b(commune|communaute (de communes|d agglomeration|urbaine)|metropole|epci|etablissement public|departement|region|collectivite|syndicat (intercommunal|mixte)|ccas|cias|centre (communal|intercommunal) d action sociale|ministere|service deconcentre)\b/],
  ['company', /\b(societe|sarl|eurl|sas|sasu|sa|snc|sci|gie|entreprise individuelle|entrepreneur individuel)\b/],
];

function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function legalKind(fields: Pick<DossierFields, 'legalForm' | 'structureType'>): LegalKind {
  const text = fields.legalForm ? fold(fields.legalForm) : '';
  for (const [kind, pattern] of LEGAL_PATTERNS) if (pattern.test(text)) return kind;
  return fields.structureType === 'PUBLIQUE' ? 'public' : 'unknown';
}

type Status = EligibilityCheck['status'];
const check = (code: string, label: string, status: Status, detail: string): EligibilityCheck => ({ code, label, status, detail });

function legalFormCheck(fields: DossierFields, kind: LegalKind): EligibilityCheck {
  const label = 'Personne morale de droit privé';
  const form = fields.legalForm ? `« ${fields.legalForm} »` : 'Forme juridique non renseignée';
  const declaredPublic = fields.structureType === 'PUBLIQUE' && fields.legalForm !== null;
  const contradiction = declaredPublic ? ' ; la structure est pourtant déclarée publique : à vérifier' : '';
  switch (kind) {
    case 'public':
      return check('LEGAL_FORM', label, 'error', `${fields.legalForm ? form : 'Structure déclarée publique'} : structure publique, non éligible à cet appel réservé aux personnes morales de droit privé`);
    case 'undeclared':
      return check('LEGAL_FORM', label, 'error', `${form} : association non déclarée, non éligible : l’appel vise les « associations déclarées au sens de la loi du 1er juillet 1901 (loi 1908 en Alsace-Moselle) »`);
    case 'association':
      return check('LEGAL_FORM', label, declaredPublic ? 'warning' : 'ok', `${form} : association, éligible${contradiction}`);
    case 'ess':
      return check('LEGAL_FORM', label, declaredPublic ? 'warning' : 'ok', `${form} : structure de l’économie sociale et solidaire, éligible${contradiction}`);
    case 'company':
      return check('LEGAL_FORM', label, 'warning', `${form} : société qui n’est pas manifestement de l’ESS : vérifier l’agrément ESS ou la mission d’intérêt général`);
    case 'unknown':
      // A form nobody can classify is approved only on a stated derogation (issue 11).
      return {
        ...check('LEGAL_FORM', label, 'unknown', fields.legalForm
          ? `${form} : forme juridique non reconnue, éligibilité à vérifier`
          : `${form}${fields.structureType === 'PRIVEE' ? ' (structure déclarée privée)' : ''} : éligibilité à vérifier`),
        derogation: true,
      };
  }
}

function associationLawCheck(departmentCode: string | null, legalForm: string | null): EligibilityCheck {
  const local = departmentCode !== null && (ALSACE_MOSELLE as readonly string[]).includes(departmentCode);
  if (!local && legalForm !== null && /\bdroit local\b/.test(fold(legalForm))) {
    return check('ASSOCIATION_LAW', 'Régime de l’association', 'warning',
      `« ${legalForm} » dans le département ${departmentCode ?? 'non renseigné'} : le droit local (« loi 1908 en Alsace-Moselle ») ne s’applique qu’en Moselle, Bas-Rhin et Haut-Rhin (57, 67, 68) : forme juridique ou département à vérifier`);
  }
  return check('ASSOCIATION_LAW', 'Régime de l’association', 'info', local
    ? `Département ${departmentCode} (Alsace-Moselle) : association de droit local, inscrite selon la loi de 1908 et non la loi de 1901`
    : 'Association déclarée selon la loi du 1er juillet 1901');
}

function contractCheck(fields: DossierFields, kind: LegalKind): EligibilityCheck {
  const label = 'Type de contrat';
  const months = fields.contractMonths;
  const dept = fields.departmentCode;
  switch (fields.contractType) {
    case null:
      return check('CONTRACT', label, 'unknown', 'Type de contrat non renseigné');
    case 'CDI':
      return check('CONTRACT', label, 'ok', 'CDI : convention de 24 mois');
    case 'CDD':
      if (months === null) return check('CONTRACT', label, 'ok', `CDD : durée non renseignée (${CDD_MAX_MONTHS} mois maximum, renouvellement compris)`);
      if (months > CDD_MAX_MONTHS) {
        // Lawful only « hors exception prévue par la réglementation du travail »: a warning, not an
        // error, but the committee states which exception it relies on (a derogation) to approve.
        return {
          ...check('CONTRACT', label, 'warning', `CDD de ${months} mois : « la durée maximale d’un CDD est de ${CDD_MAX_MONTHS} mois, renouvellement compris, hors exception prévue par la réglementation du travail » : exception à justifier`),
          derogation: true,
        };
      }
      return months < CDD_MAX_MONTHS
        ? check('CONTRACT', label, 'warning', `CDD de ${months} mois : en CDD, « la durée du contrat et de la convention est de ${CDD_MAX_MONTHS} mois »`)
        : check('CONTRACT', label, 'ok', `CDD de ${months} mois, comme la convention`);
    case 'CONTRAT_PROJET': {
      const problems: string[] = [];
      if (months !== null && months !== PROJECT_CONTRACT_MONTHS) problems.push(`contrat de projet de ${months} mois, alors que « la durée de la convention et du contrat est de ${PROJECT_CONTRACT_MONTHS} mois »`);
      if (fields.branchAgreement !== true) problems.push(`sans accord de branche ni convention collective ${fields.branchAgreement === false ? 'applicable' : 'déclaré'} : risque de requalification en CDI`);
      if (problems.length === 0) return check('CONTRACT', label, 'ok', `Contrat de projet${months === null ? '' : ` de ${months} mois`} couvert par un accord de branche ou une convention collective`);
      const text = problems.join(' ; ');
      return check('CONTRACT', label, 'warning', `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
    }
    case 'CUI': {
      if (months !== null && months > CUI_MAX_MONTHS) {
        return check('CONTRACT', label, 'error', `CUI de ${months} mois : ${CUI_MAX_MONTHS} mois maximum`);
      }
      if (kind === 'association') return check('CONTRACT', label, 'ok', 'CUI-CAE / PEC : ouvert aux associations');
      if (kind === 'unknown') {
        return check('CONTRACT', label, 'unknown', 'CUI : ouvert aux associations, et aux autres structures seulement dans les départements d’outre-mer (CUI-CIE / PEC) ; forme juridique inconnue');
      }
      if (dept !== null && isOverseas(dept)) return check('CONTRACT', label, 'ok', `CUI-CIE / PEC dans un département d’outre-mer (${dept})`);
      return check('CONTRACT', label, 'error', 'CUI pour une structure qui n’est pas une association : le CUI-CIE / PEC n’est ouvert aux entreprises que dans les départements d’outre-mer');
    }
  }
}

function networkCheck(fields: DossierFields): EligibilityCheck {
  const criteria = [
    [fields.networkRegions, NATIONAL_NETWORK_MIN.regions, 'régions'],
    [fields.networkDepartments, NATIONAL_NETWORK_MIN.departments, 'départements'],
    [fields.networkBeneficiaries, NATIONAL_NETWORK_MIN.beneficiaries, 'bénéficiaires accompagnés'],
  ] as const;
  const parts = criteria.map(([value, min, what]) => `${value === null ? '?' : groupThousands(value)} ${what} (au moins ${groupThousands(min)})`);
  const [status, verdict]: [Status, string] = criteria.some(([value]) => value === null)
    ? ['unknown', 'critères à vérifier']
    : criteria.every(([value, min]) => value !== null && value >= min)
      ? ['ok', 'critères remplis']
      : ['warning', 'ne répond pas à la définition d’un réseau national'];
  const name = fields.networkName ? ` « ${fields.networkName} »` : '';
  return check('NATIONAL_NETWORK', 'Réseau national', status, `Réseau${name} : ${parts.join(', ')} ; ${verdict}`);
}

function postsCheck(posts: number | null): EligibilityCheck {
  const label = 'Conseillers souhaités';
  if (posts === null) return check('POSTS_REQUESTED', label, 'unknown', 'Nombre de conseillers souhaités non renseigné');
  if (posts < 1) return check('POSTS_REQUESTED', label, 'error', 'Aucun poste demandé');
  if (posts > PROGRAMME_POSTS) {
    return check('POSTS_REQUESTED', label, 'warning', `${groupThousands(posts)} postes demandés : plus que les « ${groupThousands(PROGRAMME_POSTS)} Conseillers numériques France Services » du programme entier : nombre à vérifier`);
  }
  return check('POSTS_REQUESTED', label, 'ok', `${posts} poste${posts > 1 ? 's' : ''} demandé${posts > 1 ? 's' : ''}`);
}

/** Statuses under which no subsidy is due, whatever the contract and posts say. */
const NO_SUBSIDY_STATUS: Partial<Record<NonNullable<DossierFields['status']>, string>> = {
  REFUS_COSELEC: 'Dossier refusé par le comité',
  ABANDON: 'Dossier abandonné',
  ANNULEE: 'Candidature annulée',
  DOUBLON: 'Dossier en doublon',
};

/** `ineligible`: another check is an error; no net amount is shown until the committee approves it by derogation. */
function subsidyCheck(fields: DossierFields, cuiAmount: number | null, ineligible: boolean): EligibilityCheck {
  const label = 'Subvention de l’État';
  const closed = fields.status === null ? undefined : NO_SUBSIDY_STATUS[fields.status];
  if (closed) return check('SUBSIDY', label, 'info', `${closed} : aucune subvention`);
  // Once approved, the money is the one the decision froze (shown with the decision), never recomputed from today's fields.
  if (fields.status === 'VALIDATION_COSELEC') return check('SUBSIDY', label, 'info', 'Montant figé par la décision du comité : voir « Décisions du comité »');
  if (ineligible) return check('SUBSIDY', label, 'info', 'Dossier non éligible : aucune subvention, sauf accord du comité par dérogation');
  const { perPost, posts, gross, aid, net } = subsidyFor(fields, cuiAmount);
  if (fields.contractType === null) return check('SUBSIDY', label, 'unknown', 'Type de contrat non renseigné : montant inconnu');
  if (perPost === null) return check('SUBSIDY', label, 'unknown', 'CUI : montant par poste non fixé par l’appel à manifestation d’intérêt');
  if (gross === null || net === null || posts === null) return check('SUBSIDY', label, 'unknown', `${formatEuros(perPost)} par poste ; nombre de postes inconnu`);
  const basis = fields.postsGranted !== null && fields.postsGranted > 0 ? 'accordé' : 'demandé';
  const plural = posts > 1 ? 's' : '';
  const aidText = aid === null || aid === 0 ? 'aucune aide déjà perçue déclarée' : `aides déjà perçues déduites : ${formatEuros(aid)}`;
  const detail = `${posts} poste${plural} ${basis}${plural} × ${formatEuros(perPost)} = ${formatEuros(gross)} brut ; ${aidText} ; subvention nette : ${formatEuros(net)}`;
  const exceeded = aid !== null && aid > gross;
  return check('SUBSIDY', label, exceeded ? 'warning' : 'info', exceeded ? `${detail} (les aides déclarées dépassent la subvention)` : detail);
}

export interface EligibilityOptions {
  /** Subsidy per post for a CUI, which the call leaves to be set. */
  cuiAmount?: number | null;
}

export function checkEligibility(fields: DossierFields, options: EligibilityOptions = {}): EligibilityCheck[] {
  const kind = legalKind(fields);
  const checks = [legalFormCheck(fields, kind)];
  if (kind === 'association') checks.push(associationLawCheck(fields.departmentCode, fields.legalForm));
  checks.push(postsCheck(fields.postsRequested), contractCheck(fields, kind));
  checks.push(subsidyCheck(fields, options.cuiAmount ?? null, checks.some((c) => c.status === 'error')));
  if (fields.nationalNetwork === true) checks.push(networkCheck(fields));
  if (fields.consolidation === true) {
    checks.push(check('CONSOLIDATION', 'Consolidation de postes existants', 'info',
      'Projet consolidant des postes existants (temps partiel, fin de contrat ou dispositif expérimental) : examen ad hoc de l’éligibilité du financement'));
  }
  return checks;
}

/** What the agenda, the decision form, the minutes and the exports say of a dossier's eligibility. */
export const ELIGIBILITY_STATES = ['ELIGIBLE', 'A_VERIFIER', 'NON_ELIGIBLE'] as const;
export type EligibilityState = (typeof ELIGIBILITY_STATES)[number];
export const ELIGIBILITY_STATE_LABELS: Record<EligibilityState, string> = { ELIGIBLE: 'éligible', A_VERIFIER: 'à vérifier', NON_ELIGIBLE: 'non éligible' };

export interface EligibilitySummary {
  state: EligibilityState;
  /** « label : detail » of each failed or doubtful check, errors first. */
  reasons: string[];
  /** The reasons an approval must answer with a derogation justification (empty: none needed). */
  derogation: string[];
}

const reasonOf = (c: EligibilityCheck) => `${c.label} : ${c.detail}`;

/**
 * Errors make the dossier « non éligible »; warnings and unknowns « à vérifier ». The subsidy
 * check is about money, not eligibility, and is left out. Approving needs a derogation for every
 * error and for the checks marked `derogation` (a legal form that cannot be classified, a CDD
 * beyond 18 months).
 */
export function summariseEligibility(checks: readonly EligibilityCheck[]): EligibilitySummary {
  const relevant = checks.filter((c) => c.code !== 'SUBSIDY');
  const errors = relevant.filter((c) => c.status === 'error');
  const doubts = relevant.filter((c) => c.status === 'warning' || c.status === 'unknown');
  return {
    state: errors.length > 0 ? 'NON_ELIGIBLE' : doubts.length > 0 ? 'A_VERIFIER' : 'ELIGIBLE',
    reasons: [...errors, ...doubts].map(reasonOf),
    derogation: relevant.filter((c) => c.status === 'error' || c.derogation === true).map(reasonOf),
  };
}

/** « non éligible : reason ; reason », as one line of the minutes or a cell of the export. */
export function eligibilityText(summary: Pick<EligibilitySummary, 'state' | 'reasons'>): string {
  const label = ELIGIBILITY_STATE_LABELS[summary.state];
  return summary.reasons.length > 0 ? `${label} : ${summary.reasons.join(' ; ')}` : label;
}
