import { describe, expect, it } from 'vitest';
import type { DossierFields, EligibilityCheck } from '../../../shared/domain/dossier';
import { FIELD_DEFS } from '../../../shared/domain/fields';
import { SUBSIDY_PER_POST, checkEligibility, eligibilityText, legalKind, subsidyFor, summariseEligibility } from '../../../shared/domain/eligibility';
import { formatEuros, groupThousands, roundCents } from '../../../shared/domain/money';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

function dossier(fields: Partial<DossierFields> = {}): DossierFields {
  const empty = Object.fromEntries(FIELD_DEFS.map((d) => [d.key, null])) as unknown as DossierFields;
  return {
    ...empty,
    externalId: 'T-1',
    departmentCode: '06',
    regionCode: '93',
    legalForm: 'Association déclarée',
    structureType: 'PRIVEE',
    postsRequested: 2,
    contractType: 'CDI',
    ...fields,
  };
}
const find = (checks: EligibilityCheck[], code: string) => checks.find((c) => c.code === code);
const statusOf = (fields: Partial<DossierFields>, code: string) => find(checkEligibility(dossier(fields)), code)?.status;

describe('formatEuros', () => {
  it('writes amounts the French way, like Intl fr-FR', () => {
    expect(formatEuros(40000)).toBe(`40${NNBSP}000${NBSP}€`);
    expect(formatEuros(1234.56)).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatEuros(1234.5)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatEuros(0)).toBe(`0${NBSP}€`);
    expect(formatEuros(999)).toBe(`999${NBSP}€`);
    expect(formatEuros(1_234_567)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
    expect(formatEuros(-5)).toBe(`-5${NBSP}€`);
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0 });
    for (const n of [40000, 1234.56, 32000, 120]) expect(formatEuros(n)).toBe(intl.format(n));
  });

  it('rounds to the cent', () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(1234.567)).toBe(1234.57);
    expect(formatEuros(0.004)).toBe(`0${NBSP}€`);
    expect(groupThousands(12500)).toBe(`12${NNBSP}500`);
  });
});

describe('legal form', () => {
  it.each([
    ['Association déclarée', 'association'],
    ['Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)', 'association'],
    ['Société coopérative d’intérêt collectif (SCIC) à forme de SARL', 'ess'],
    ['Société coopérative ouvrière de production (SCOP) à forme SA', 'ess'],
    ['Mutuelle', 'ess'],
    ['Fondation', 'ess'],
    ['Société anonyme d’HLM', 'ess'],
    ['Entreprise sociale pour l’habitat', 'ess'],
    ['Groupement de coopération sanitaire à gestion privée', 'ess'],
    ['Groupement de coopération sanitaire à gestion publique', 'public'],
    ['Association syndicale autorisée', 'public'],
    ['Commune et commune nouvelle', 'public'],
    ['Communauté de communes', 'public'],
    ['Établissement public local à caractère administratif', 'public'],
    ['Département', 'public'],
    ['Centre communal d’action sociale', 'public'],
    ['Société à responsabilité limitée (SARL)', 'company'],
    ['SAS, société par actions simplifiée', 'company'],
    ['SA à conseil d’administration', 'company'],
    ['Syndicat de salariés', 'unknown'],
  ])('%s → %s', (legalForm, kind) => {
    expect(legalKind({ legalForm, structureType: null })).toBe(kind);
  });

  it('falls back on the declared structure type', () => {
    expect(legalKind({ legalForm: null, structureType: 'PUBLIQUE' })).toBe('public');
    expect(legalKind({ legalForm: null, structureType: 'PRIVEE' })).toBe('unknown');
  });

  it('grades eligibility for this private-law call', () => {
    expect(statusOf({}, 'LEGAL_FORM')).toBe('ok');
    expect(statusOf({ legalForm: 'Fondation' }, 'LEGAL_FORM')).toBe('ok');
    expect(statusOf({ legalForm: 'Commune et commune nouvelle', structureType: 'PUBLIQUE' }, 'LEGAL_FORM')).toBe('error');
    expect(statusOf({ legalForm: null, structureType: 'PUBLIQUE' }, 'LEGAL_FORM')).toBe('error');
    expect(statusOf({ legalForm: null, structureType: null }, 'LEGAL_FORM')).toBe('unknown');
    expect(statusOf({ legalForm: 'Syndicat de salariés' }, 'LEGAL_FORM')).toBe('unknown');
    expect(statusOf({ legalForm: 'Association déclarée', structureType: 'PUBLIQUE' }, 'LEGAL_FORM')).toBe('warning');
    const company = find(checkEligibility(dossier({ legalForm: 'SAS, société par actions simplifiée' })), 'LEGAL_FORM');
    expect(company?.status).toBe('warning');
    expect(company?.detail).toContain('vérifier l’agrément ESS ou la mission d’intérêt général');
  });

  it('states the association law: 1908 in Alsace-Moselle, 1901 elsewhere', () => {
    for (const dept of ['57', '67', '68']) {
      const check = find(checkEligibility(dossier({ departmentCode: dept })), 'ASSOCIATION_LAW');
      expect(check?.status).toBe('info');
      expect(check?.detail).toContain('1908');
    }
    expect(find(checkEligibility(dossier({ departmentCode: '54' })), 'ASSOCIATION_LAW')?.detail).toContain('1er juillet 1901');
    expect(find(checkEligibility(dossier({ legalForm: 'Fondation' })), 'ASSOCIATION_LAW')).toBeUndefined();
  });
});

describe('contract', () => {
  it('accepts a CDI and CDDs of up to 18 months', () => {
    expect(statusOf({ contractType: 'CDI' }, 'CONTRACT')).toBe('ok');
    expect(statusOf({ contractType: 'CDD', contractMonths: 18 }, 'CONTRACT')).toBe('ok');
    expect(statusOf({ contractType: 'CDD', contractMonths: null }, 'CONTRACT')).toBe('ok');
    expect(statusOf({ contractType: 'CDD', contractMonths: 24 }, 'CONTRACT')).toBe('warning');
    expect(statusOf({ contractType: null }, 'CONTRACT')).toBe('unknown');
  });

  it('warns about a project contract without branch agreement (risk of requalification as CDI)', () => {
    expect(statusOf({ contractType: 'CONTRAT_PROJET', branchAgreement: true }, 'CONTRACT')).toBe('ok');
    for (const branchAgreement of [false, null]) {
      const check = find(checkEligibility(dossier({ contractType: 'CONTRAT_PROJET', branchAgreement })), 'CONTRACT');
      expect(check?.status).toBe('warning');
      expect(check?.detail).toContain('requalification en CDI');
    }
  });

  it('allows a CUI for associations, and for other structures only overseas', () => {
    expect(statusOf({ contractType: 'CUI' }, 'CONTRACT')).toBe('ok');
    const company = { contractType: 'CUI', legalForm: 'Société coopérative de production (SCOP)' } as const;
    expect(statusOf({ ...company, departmentCode: '06' }, 'CONTRACT')).toBe('error');
    expect(statusOf({ ...company, departmentCode: '974' }, 'CONTRACT')).toBe('ok');
    expect(statusOf({ contractType: 'CUI', legalForm: null, structureType: null }, 'CONTRACT')).toBe('unknown');
    expect(statusOf({ contractType: 'CUI', contractMonths: 30 }, 'CONTRACT')).toBe('error');
  });
});

describe('posts, network and consolidation', () => {
  it('requires at least one post', () => {
    expect(statusOf({ postsRequested: 1 }, 'POSTS_REQUESTED')).toBe('ok');
    expect(statusOf({ postsRequested: 0 }, 'POSTS_REQUESTED')).toBe('error');
    expect(statusOf({ postsRequested: null }, 'POSTS_REQUESTED')).toBe('unknown');
  });

  it('checks national-network criteria only for network applications', () => {
    expect(statusOf({ nationalNetwork: false }, 'NATIONAL_NETWORK')).toBeUndefined();
    const network = { nationalNetwork: true, networkRegions: 4, networkDepartments: 5, networkBeneficiaries: 1000 };
    expect(statusOf(network, 'NATIONAL_NETWORK')).toBe('ok');
    expect(statusOf({ ...network, networkRegions: 3 }, 'NATIONAL_NETWORK')).toBe('warning');
    expect(statusOf({ ...network, networkBeneficiaries: 999 }, 'NATIONAL_NETWORK')).toBe('warning');
    expect(statusOf({ ...network, networkDepartments: null }, 'NATIONAL_NETWORK')).toBe('unknown');
    const detail = find(checkEligibility(dossier({ ...network, networkBeneficiaries: 2500, networkName: 'Réseau X' })), 'NATIONAL_NETWORK')?.detail;
    expect(detail).toBe(`Réseau « Réseau X » : 4 régions (au moins 4), 5 départements (au moins 5), 2${NNBSP}500 bénéficiaires accompagnés (au moins 1${NNBSP}000) ; critères remplis`);
  });

  it('flags consolidation of existing posts for an ad-hoc review', () => {
    const check = find(checkEligibility(dossier({ consolidation: true })), 'CONSOLIDATION');
    expect(check?.status).toBe('info');
    expect(check?.detail).toContain('examen ad hoc');
    expect(find(checkEligibility(dossier({ consolidation: false })), 'CONSOLIDATION')).toBeUndefined();
  });
});

describe('subsidy', () => {
  it('pays per post by contract type, CUI amount not set by the call', () => {
    expect(SUBSIDY_PER_POST).toEqual({ CDI: 40000, CDD: 32000, CONTRAT_PROJET: 40000, CUI: null });
  });

  it('deducts aid already received', () => {
    expect(subsidyFor(dossier({ contractType: 'CDD', postsRequested: 2, declaredAid: 5000 }))).toEqual({ perPost: 32000, posts: 2, gross: 64000, aid: 5000, net: 59000 });
    expect(subsidyFor(dossier({ contractType: 'CDI', postsRequested: 1, declaredAid: 50000 }))).toMatchObject({ gross: 40000, net: 0 });
    expect(subsidyFor(dossier({ contractType: 'CDI', postsRequested: 3, postsGranted: 1 }))).toMatchObject({ posts: 1, gross: 40000, aid: null, net: 40000 });
    expect(subsidyFor(dossier({ contractType: 'CDI', postsRequested: 3, postsGranted: 0 }))).toMatchObject({ posts: 3, gross: 120000 });
  });

  it('is unknown for a CUI unless an amount is configured, and without a contract type', () => {
    expect(subsidyFor(dossier({ contractType: 'CUI' }))).toEqual({ perPost: null, posts: 2, gross: null, aid: null, net: null });
    expect(subsidyFor(dossier({ contractType: 'CUI' }), 15000)).toMatchObject({ perPost: 15000, gross: 30000, net: 30000 });
    expect(subsidyFor(dossier({ contractType: null }))).toMatchObject({ perPost: null, gross: null, net: null });
    expect(statusOf({ contractType: 'CUI' }, 'SUBSIDY')).toBe('unknown');
    expect(find(checkEligibility(dossier({ contractType: 'CUI' }), { cuiAmount: 15000 }), 'SUBSIDY')?.status).toBe('info');
  });

  it('explains gross, aid deducted and net in French', () => {
    const check = find(checkEligibility(dossier({ contractType: 'CDI', postsRequested: 2, declaredAid: 5000 })), 'SUBSIDY');
    expect(check).toEqual({
      code: 'SUBSIDY', label: 'Subvention de l’État', status: 'info',
      detail: `2 postes demandés × 40${NNBSP}000${NBSP}€ = 80${NNBSP}000${NBSP}€ brut ; aides déjà perçues déduites : 5${NNBSP}000${NBSP}€ ; subvention nette : 75${NNBSP}000${NBSP}€`,
    });
    expect(statusOf({ contractType: 'CDI', postsRequested: 1, declaredAid: 50000 }, 'SUBSIDY')).toBe('warning');
  });
});

describe('checkEligibility', () => {
  it('returns every applicable check with French labels', () => {
    const checks = checkEligibility(dossier());
    expect(checks.map((c) => c.code)).toEqual(['LEGAL_FORM', 'ASSOCIATION_LAW', 'POSTS_REQUESTED', 'CONTRACT', 'SUBSIDY']);
    for (const c of checks) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.detail.length).toBeGreaterThan(0);
    }
  });
});

describe('rules checked against the call’s text (issue 11)', () => {
  const summary = (fields: Partial<DossierFields>) => summariseEligibility(checkEligibility(dossier(fields)));

  it('« associations déclarées au sens de la loi du 1er juillet 1901 »: an « Association non déclarée » is not eligible', () => {
    expect(legalKind({ legalForm: 'Association non déclarée', structureType: 'PRIVEE' })).toBe('undeclared');
    const check = find(checkEligibility(dossier({ legalForm: 'Association non déclarée' })), 'LEGAL_FORM');
    expect(check?.status).toBe('error');
    expect(check?.detail).toContain('« associations déclarées');
    expect(find(checkEligibility(dossier({ legalForm: 'Association non déclarée' })), 'ASSOCIATION_LAW')).toBeUndefined();
    expect(summary({ legalForm: 'Association non déclarée' }).state).toBe('NON_ELIGIBLE');
  });

  it.each([
    'Groupement de coopération sanitaire de droit public',
    'GCS de droit public',
    'Groupement d’intérêt public (GIP)',
    'GIP',
    'Autre personne morale de droit public administratif',
    'Personne morale de droit public soumise au droit commercial',
  ])('« acteurs ayant la personnalité morale de droit privé » only: %s is public law, not eligible', (legalForm) => {
    expect(legalKind({ legalForm, structureType: null })).toBe('public');
    expect(statusOf({ legalForm }, 'LEGAL_FORM')).toBe('error');
  });

  it('« les GRADeS … organisés en groupements de coopération sanitaire de droit privé » stay eligible', () => {
    expect(legalKind({ legalForm: 'GCS de droit privé', structureType: null })).toBe('ess');
    expect(legalKind({ legalForm: 'Groupement de coopération sanitaire de droit privé', structureType: null })).toBe('ess');
  });

  it('« entreprises relevant de l’économie sociale et solidaire »: an « Entreprise de l’économie sociale et solidaire » is ESS', () => {
    expect(legalKind({ legalForm: 'Entreprise de l’économie sociale et solidaire', structureType: null })).toBe('ess');
    expect(legalKind({ legalForm: 'Entreprise de l\'ESS', structureType: null })).toBe('ess');
    expect(statusOf({ legalForm: 'Entreprise de l’économie sociale et solidaire' }, 'LEGAL_FORM')).toBe('ok');
  });

  it('« en CDD : … la durée du contrat et de la convention est de 18 mois »: a shorter CDD is flagged', () => {
    const check = find(checkEligibility(dossier({ contractType: 'CDD', contractMonths: 12 })), 'CONTRACT');
    expect(check?.status).toBe('warning');
    expect(check?.detail).toContain('« la durée du contrat et de la convention est de 18 mois »');
    expect(check?.derogation).toBeUndefined();
    expect(summary({ contractType: 'CDD', contractMonths: 12 })).toMatchObject({ state: 'A_VERIFIER', derogation: [] });
    expect(statusOf({ contractType: 'CDD', contractMonths: 18 }, 'CONTRACT')).toBe('ok');
  });

  it('« 18 mois, renouvellement compris, hors exception prévue par la réglementation du travail »: a longer CDD is a warning that needs a derogation', () => {
    const check = find(checkEligibility(dossier({ contractType: 'CDD', contractMonths: 19 })), 'CONTRACT');
    expect(check?.status).toBe('warning');
    expect(check?.detail).toContain('hors exception prévue par la réglementation du travail');
    expect(check?.derogation).toBe(true);
    const s = summary({ contractType: 'CDD', contractMonths: 19 });
    expect(s.state).toBe('A_VERIFIER');
    expect(s.derogation).toEqual([`Type de contrat : ${check!.detail}`]);
  });

  it('« en contrat de projet … la durée de la convention et du contrat est de 24 mois »: another duration is flagged', () => {
    expect(statusOf({ contractType: 'CONTRAT_PROJET', branchAgreement: true, contractMonths: 24 }, 'CONTRACT')).toBe('ok');
    for (const contractMonths of [18, 36]) {
      const check = find(checkEligibility(dossier({ contractType: 'CONTRAT_PROJET', branchAgreement: true, contractMonths })), 'CONTRACT');
      expect(check?.status).toBe('warning');
      expect(check?.detail).toContain(`${contractMonths} mois, alors que « la durée de la convention et du contrat est de 24 mois »`);
    }
    const both = find(checkEligibility(dossier({ contractType: 'CONTRAT_PROJET', branchAgreement: null, contractMonths: 12 })), 'CONTRACT')?.detail;
    expect(both).toContain('24 mois');
    expect(both).toContain('requalification en CDI');
  });

  it('« 4000 Conseillers numériques France Services »: more posts requested than the programme is flagged', () => {
    expect(statusOf({ postsRequested: 4000 }, 'POSTS_REQUESTED')).toBe('ok');
    const check = find(checkEligibility(dossier({ postsRequested: 4001 })), 'POSTS_REQUESTED');
    expect(check?.status).toBe('warning');
    expect(check?.detail).toBe(`4${NNBSP}001 postes demandés : plus que les « 4${NNBSP}000 Conseillers numériques France Services » du programme entier : nombre à vérifier`);
  });

  it('« loi 1908 en Alsace-Moselle »: an « association de droit local » outside 57, 67, 68 is flagged', () => {
    const legalForm = 'Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)';
    for (const departmentCode of ['57', '67', '68']) expect(statusOf({ legalForm, departmentCode }, 'ASSOCIATION_LAW')).toBe('info');
    const check = find(checkEligibility(dossier({ legalForm, departmentCode: '69' })), 'ASSOCIATION_LAW');
    expect(check?.status).toBe('warning');
    expect(check?.detail).toContain('57, 67, 68');
    expect(statusOf({ departmentCode: '69' }, 'ASSOCIATION_LAW')).toBe('info');
  });

  it('« CUI-CIE/PEC (pour les entreprises et uniquement dans les départements d’outre-mer) »: not eligible in metropolitan France', () => {
    const company = { contractType: 'CUI', legalForm: 'SAS, société par actions simplifiée' } as const;
    for (const departmentCode of ['75', '2A', '13']) {
      const check = find(checkEligibility(dossier({ ...company, departmentCode })), 'CONTRACT');
      expect(check?.status).toBe('error');
      expect(check?.detail).toContain('départements d’outre-mer');
      expect(summary({ ...company, departmentCode }).state).toBe('NON_ELIGIBLE');
    }
    for (const departmentCode of ['971', '972', '973', '974', '976']) expect(statusOf({ ...company, departmentCode }, 'CONTRACT')).toBe('ok');
  });

  it('« la durée du contrat et de la convention est de 24 mois maximum » for a CUI: 36 months is not eligible', () => {
    const check = find(checkEligibility(dossier({ contractType: 'CUI', contractMonths: 36 })), 'CONTRACT');
    expect(check).toMatchObject({ status: 'error', detail: 'CUI de 36 mois : 24 mois maximum' });
    expect(statusOf({ contractType: 'CUI', contractMonths: 24 }, 'CONTRACT')).toBe('ok');
  });

  it('a legal form it cannot classify is « à vérifier » and approving it needs a derogation', () => {
    const s = summary({ legalForm: 'Syndicat de salariés' });
    expect(s.state).toBe('A_VERIFIER');
    expect(s.derogation).toEqual(['Personne morale de droit privé : « Syndicat de salariés » : forme juridique non reconnue, éligibilité à vérifier']);
    expect(summary({ legalForm: null, structureType: null }).derogation).toHaveLength(1);
  });

  it('summarises: éligible, à vérifier, non éligible with the reasons, errors first; the subsidy is not an eligibility matter', () => {
    expect(summary({})).toEqual({ state: 'ELIGIBLE', reasons: [], derogation: [] });
    expect(summary({ contractType: 'CUI' }).state).toBe('ELIGIBLE');
    const commune = summary({ legalForm: 'Commune et commune nouvelle', contractType: 'CDD', contractMonths: 12 });
    expect(commune.state).toBe('NON_ELIGIBLE');
    expect(commune.reasons[0]).toMatch(/^Personne morale de droit privé : « Commune et commune nouvelle » : structure publique/);
    expect(commune.reasons[1]).toMatch(/^Type de contrat : CDD de 12 mois/);
    expect(commune.derogation).toEqual([commune.reasons[0]]);
    expect(eligibilityText(summary({}))).toBe('éligible');
    expect(eligibilityText({ state: 'NON_ELIGIBLE', reasons: ['a', 'b'] })).toBe('non éligible : a ; b');
  });

  it('shows no net subsidy for a refused or ineligible dossier; an approved one points to the money its decision froze', () => {
    const subsidy = (fields: Partial<DossierFields>) => find(checkEligibility(dossier(fields)), 'SUBSIDY')!;
    expect(subsidy({ status: 'REFUS_COSELEC' })).toMatchObject({ status: 'info', detail: 'Dossier refusé par le comité : aucune subvention' });
    expect(subsidy({ status: 'ABANDON' }).detail).toBe('Dossier abandonné : aucune subvention');
    const commune = subsidy({ legalForm: 'Commune et commune nouvelle' });
    expect(commune.detail).toBe('Dossier non éligible : aucune subvention, sauf accord du comité par dérogation');
    expect(commune.detail).not.toContain('€');
    // Approved (by derogation or not): today's fields never recompute the money the decision froze.
    expect(subsidy({ legalForm: 'Commune et commune nouvelle', status: 'VALIDATION_COSELEC', postsGranted: 1 }).detail).toBe('Montant figé par la décision du comité : voir « Décisions du comité »');
    expect(subsidy({ legalForm: 'Association déclarée', status: 'VALIDATION_COSELEC', postsGranted: 2, contractType: 'CDD', declaredAid: 5000 }).detail).not.toContain('€');
    expect(subsidy({ contractType: 'CDD', contractMonths: 12 }).detail).toContain('subvention nette');
  });
});
