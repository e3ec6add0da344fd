/** Small review objects for the renderer's pure UI logic. */
import type { DossierDetail, DossierSummary } from '../../../../shared/domain/dossier';
import type { ComparisonItem, DossierScores, Opinion, ReviewerScore, ScoringGrid } from '../../../../shared/domain/review';
import { DEFAULT_GRID } from '../../../../shared/domain/review';

export const GRID: ScoringGrid = { ...DEFAULT_GRID, id: 1, version: 1, createdAt: '2026-01-05T10:00:00.000Z', createdBy: 'ANCT', current: true };

export function summary(patch: Partial<DossierSummary> = {}): DossierSummary {
  return {
    id: 1,
    externalId: '1000',
    siret: null,
    name: 'Association Le Lien',
    departmentCode: '13',
    regionCode: '93',
    communeName: 'Marseille',
    postalCode: '13001',
    legalForm: 'Association déclarée',
    contractType: 'CDI',
    postsRequested: 2,
    postsGranted: null,
    status: 'CREEE',
    warnings: [],
    updatedAt: '2026-01-05T10:00:00.000Z',
    opinion: null,
    postsSupported: null,
    aggregateScore: null,
    reviewers: 0,
    ...patch,
  };
}

export function detail(patch: Partial<DossierSummary> = {}, fields: Partial<DossierDetail['fields']> = {}): DossierDetail {
  const base = summary(patch);
  return {
    ...base,
    fields: {
      externalId: base.externalId,
      siret: base.siret,
      name: base.name,
      legalName: null,
      structureType: 'PRIVEE',
      phase: null,
      status: base.status,
      postalCode: base.postalCode,
      communeCode: null,
      communeName: base.communeName,
      communeInsee: null,
      departmentCode: base.departmentCode,
      regionCode: base.regionCode,
      address: null,
      phone: null,
      email: null,
      adminEmails: null,
      accountCreated: null,
      passwordChosen: null,
      matchingCount: null,
      postsRequested: base.postsRequested,
      coselecValidated: null,
      postsGranted: null,
      coselecNumber: null,
      coselecDate: null,
      zrr: false,
      qpv: 'NON',
      qpvCount: null,
      franceServices: false,
      legalForm: base.legalForm,
      nationalNetwork: null,
      networkName: null,
      networkRegions: null,
      networkDepartments: null,
      networkBeneficiaries: null,
      contractType: base.contractType,
      contractMonths: null,
      branchAgreement: null,
      declaredAid: null,
      consolidation: null,
      motivation: 'Réduire la fracture numérique.',
      submittedAt: null,
      ...fields,
    },
    source: 'demo',
    createdAt: '2026-01-05T10:00:00.000Z',
    provenance: [],
    decisions: [],
    platformDivergences: [],
    history: [],
    eligibility: [],
  };
}

export function opinion(patch: Partial<Opinion> = {}): Opinion {
  return {
    id: 1,
    version: 1,
    dossierId: 1,
    opinion: 'FAVORABLE',
    postsSupported: 2,
    comment: 'Projet pertinent pour le territoire.',
    duplicateOfId: null,
    transferFromId: null,
    transferPosts: null,
    authorId: 1,
    authorName: 'Claire Martin',
    createdAt: '2026-01-06T09:00:00.000Z',
    source: 'app',
    importedBy: null,
    ...patch,
  };
}

export function sheet(patch: Partial<ReviewerScore> = {}): ReviewerScore {
  return {
    reviewerId: 1,
    reviewerName: 'Claire Martin',
    gridId: GRID.id,
    gridVersion: GRID.version,
    values: { besoins: 4, accueil: 3, collectivites: 5, capacite: 2, territoires: null, finances: 3 },
    comment: null,
    weightedMean: 3.5,
    at: '2026-01-06T09:00:00.000Z',
    ...patch,
  };
}

export function scores(patch: Partial<DossierScores> = {}): DossierScores {
  return { dossierId: 1, reviewers: [], aggregate: null, spread: null, perCriterion: [], ...patch };
}

export function item(dossier: DossierDetail, patch: Partial<Omit<ComparisonItem, 'dossier'>> = {}): ComparisonItem {
  return { dossier, opinion: null, scores: scores({ dossierId: dossier.id }), ...patch };
}
