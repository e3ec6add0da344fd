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

type LegalKind = 'association' | 'ess' | 'company' | 'public' | 'unknown';

// Matched in order against the folded INSEE "catégorie juridique" label or whatever the file
// holds. A few public bodies have private-sounding names, so they are recognised first; the
// private kinds come before the general public words so that "association … de la commune"
// stays an association.
const LEGAL_PATTERNS: [LegalKind, RegExp][] = [
  ['public', /\b(a gestion publique|association (syndicale|fonciere) autorisee|office public)\b/],
  ['association', /\bassociation\b/],
  ['ess', /\b(cooperati(ve|f)s?|scic|scop|mutuelles?|mutualiste|fondation|fonds de dotation|entreprise sociale pour l habitat|esh|hlm|groupement de cooperation sanitaire|grades|union d economie sociale|esus|entreprise solidaire)\b/],
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
    case 'association':
      return check('LEGAL_FORM', label, declaredPublic ? 'warning' : 'ok', `${form} : association, éligible${contradiction}`);
    case 'ess':
      return check('LEGAL_FORM', label, declaredPublic ? 'warning' : 'ok', `${form} : structure de l’économie sociale et solidaire, éligible${contradiction}`);
    case 'company':
      return check('LEGAL_FORM', label, 'warning', `${form} : société qui n’est pas manifestement de l’ESS : vérifier l’agrément ESS ou la mission d’intérêt général`);
    case 'unknown':
      return check('LEGAL_FORM', label, 'unknown', fields.legalForm
        ? `${form} : forme juridique non reconnue, éligibilité à vérifier`
        : `${form}${fields.structureType === 'PRIVEE' ? ' (structure déclarée privée)' : ''} : éligibilité à vérifier`);
  }
}

function associationLawCheck(departmentCode: string | null): EligibilityCheck {
  const local = departmentCode !== null && (ALSACE_MOSELLE as readonly string[]).includes(departmentCode);
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
      return months > CDD_MAX_MONTHS
        ? check('CONTRACT', label, 'error', `CDD de ${months} mois : la durée maximale d’un CDD est de ${CDD_MAX_MONTHS} mois, renouvellement compris`)
        : check('CONTRACT', label, 'ok', `CDD de ${months} mois (${CDD_MAX_MONTHS} mois maximum)`);
    case 'CONTRAT_PROJET':
      return fields.branchAgreement === true
        ? check('CONTRACT', label, 'ok', 'Contrat de projet couvert par un accord de branche ou une convention collective')
        : check('CONTRACT', label, 'warning', `Contrat de projet sans accord de branche ni convention collective ${fields.branchAgreement === false ? 'applicable' : 'déclaré'} : risque de requalification en CDI`);
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
  return posts >= 1
    ? check('POSTS_REQUESTED', label, 'ok', `${posts} poste${posts > 1 ? 's' : ''} demandé${posts > 1 ? 's' : ''}`)
    : check('POSTS_REQUESTED', label, 'error', 'Aucun poste demandé');
}

function subsidyCheck(fields: DossierFields, cuiAmount: number | null): EligibilityCheck {
  const label = 'Subvention de l’État';
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
  if (kind === 'association') checks.push(associationLawCheck(fields.departmentCode));
  checks.push(postsCheck(fields.postsRequested), contractCheck(fields, kind), subsidyCheck(fields, options.cuiAmount ?? null));
  if (fields.nationalNetwork === true) checks.push(networkCheck(fields));
  if (fields.consolidation === true) {
    checks.push(check('CONSOLIDATION', 'Consolidation de postes existants', 'info',
      'Projet consolidant des postes existants (temps partiel, fin de contrat ou dispositif expérimental) : examen ad hoc de l’éligibilité du financement'));
  }
  return checks;
}
