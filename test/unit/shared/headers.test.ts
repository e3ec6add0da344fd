import { describe, expect, it } from 'vitest';
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import { FIELD_DEFS } from '../../../shared/domain/fields';
import { fieldForHeader, matchHeaders, normalizeHeader } from '../../../shared/import/headers';

const PLATFORM_COLUMNS: [string, DossierFieldKey][] = [
  ['SIRET structure', 'siret'], ['ID Structure', 'externalId'], ['Dénomination', 'name'], ['Date Coselec', 'coselecDate'],
  ['Phase en cours', 'phase'], ['Type', 'structureType'], ['Statut', 'status'], ['Code postal', 'postalCode'],
  ['Code commune', 'communeCode'], ['Code département', 'departmentCode'], ['Code région', 'regionCode'],
  ['Téléphone', 'phone'], ['Email', 'email'], ['Compte créé', 'accountCreated'], ['Mot de passe choisi', 'passwordChosen'],
  ['Nombre de mises en relation', 'matchingCount'], ['Nombre de conseillers souhaités', 'postsRequested'],
  ['Validée en COSELEC', 'coselecValidated'], ['Nombre de conseillers validés par le COSELEC', 'postsGranted'],
  ['Numéro COSELEC', 'coselecNumber'], ['ZRR', 'zrr'], ['QPV', 'qpv'], ['Nombre de quartiers QPV', 'qpvCount'],
  ['Labelisée France Services', 'franceServices'], ['Raison sociale', 'legalName'], ['Nom commune INSEE', 'communeName'],
  ['Code commune INSEE', 'communeInsee'], ['Adresse postale', 'address'],
  ['Libellé catégorie juridique niv III', 'legalForm'], ['Grand Réseau', 'nationalNetwork'],
  ['Nom Grand Réseau', 'networkName'], ['Emails administrateurs', 'adminEmails'],
];

const WORKBOOK_2021 = [
  'Identifiant structure', 'SIRET', 'Nom Structure', 'Code postal', 'Ville', 'Email', 'Intervention en France services',
  'en ZRR', 'en QPV', 'Code QPV', 'Nom du quartier', 'Nombre de conseillers demandés', 'Avis Préfecture',
  'Commentaire de la Préfecture pour justifier l\'avis donné', 'Nombre de conseillers COSELEC', 'Avis COSELEC',
];

describe('normalizeHeader', () => {
  it('ignores case, accents, punctuation, underscores and spacing', () => {
    expect(normalizeHeader('  Code Département ')).toBe('code departement');
    expect(normalizeHeader('CODE_DEPARTEMENT')).toBe('code departement');
    expect(normalizeHeader('code-département')).toBe('code departement');
    expect(normalizeHeader('Durée du contrat (mois)')).toBe('duree du contrat mois');
    expect(normalizeHeader('Date d’inscription')).toBe(normalizeHeader("Date d'inscription"));
    expect(normalizeHeader('Œuvre')).toBe('oeuvre');
  });

  it('splits camelCase so that JSON keys match', () => {
    expect(normalizeHeader('postsRequested')).toBe('posts requested');
    expect(normalizeHeader('codeDépartement')).toBe('code departement');
    expect(normalizeHeader('SIRET')).toBe('siret');
  });
});

describe('matchHeaders', () => {
  it('maps the national platform’s 32 columns', () => {
    const headers = PLATFORM_COLUMNS.map(([h]) => h);
    expect(headers).toHaveLength(32);
    const match = matchHeaders(headers);
    expect(match.mapping).toEqual(Object.fromEntries(PLATFORM_COLUMNS));
    expect(match).toMatchObject({ unknown: [], missingRequired: [], conflicts: [] });
  });

  it('maps the 2021 prefecture workbook and knowingly skips its opinion columns', () => {
    const match = matchHeaders(WORKBOOK_2021);
    expect(match.mapping).toMatchObject({
      'Identifiant structure': 'externalId', SIRET: 'siret', 'Nom Structure': 'name', 'Code postal': 'postalCode',
      Ville: 'communeName', Email: 'email', 'Intervention en France services': 'franceServices', 'en ZRR': 'zrr',
      'en QPV': 'qpv', 'Nombre de conseillers demandés': 'postsRequested', 'Avis Préfecture': null, 'Code QPV': null,
    });
    expect(match.unknown).toEqual([]);
    // The workbook has no department column: the import deduces it from the postal code.
    expect(match.missingRequired).toEqual(['departmentCode']);
  });

  it('recognises natural variants and our own keys', () => {
    expect(fieldForHeader('Département')).toBe('departmentCode');
    expect(fieldForHeader('Code departement')).toBe('departmentCode');
    expect(fieldForHeader('Dept')).toBe('departmentCode');
    expect(fieldForHeader('Nom')).toBe('name');
    expect(fieldForHeader('Commune')).toBe('communeName');
    expect(fieldForHeader('Type de contrat')).toBe('contractType');
    expect(fieldForHeader('Durée du contrat (mois)')).toBe('contractMonths');
    expect(fieldForHeader('Motivation')).toBe('motivation');
    expect(fieldForHeader('Aides déjà perçues')).toBe('declaredAid');
    expect(fieldForHeader('Date de candidature')).toBe('submittedAt');
    for (const def of FIELD_DEFS) {
      expect(fieldForHeader(def.key)).toBe(def.key);
      expect(fieldForHeader(def.label)).toBe(def.key);
    }
    expect(fieldForHeader('Couleur préférée')).toBeNull();
  });

  it('reports unknown headers, not blank ones', () => {
    const match = matchHeaders(['ID Structure', 'Couleur préférée', '', 'Code département', 'Nombre de conseillers souhaités']);
    expect(match.unknown).toEqual(['Couleur préférée']);
    expect(match.mapping['Couleur préférée']).toBeNull();
    expect(match.mapping['']).toBeNull();
  });

  it('lets the first column claim a field and reports the others as conflicts', () => {
    const match = matchHeaders(['Nom', 'ID', 'Dénomination', 'Nom Structure', 'Département']);
    expect(match.mapping).toMatchObject({ Nom: 'name', 'Dénomination': null, 'Nom Structure': null });
    expect(match.conflicts).toEqual([{ field: 'name', headers: ['Nom', 'Dénomination', 'Nom Structure'] }]);
    expect(match.unknown).toEqual([]);
    expect(match.missingRequired).toEqual(['postsRequested']);
  });

  it('applies overrides, which win over aliases; an empty override ignores the column', () => {
    const match = matchHeaders(['Nom', 'Raison sociale', 'Numéro', 'Ville', 'Code INSEE'], {
      'Raison sociale': 'name',
      Numéro: 'externalId',
      Ville: '',
    });
    expect(match.mapping).toEqual({ Nom: null, 'Raison sociale': 'name', Numéro: 'externalId', Ville: null, 'Code INSEE': 'communeInsee' });
    expect(match.conflicts).toEqual([{ field: 'name', headers: ['Raison sociale', 'Nom'] }]);
    expect(match.unknown).toEqual([]);
  });

  it('ignores overrides naming no field', () => {
    const match = matchHeaders(['Colonne X'], { 'Colonne X': 'notAField' as DossierFieldKey });
    expect(match.mapping).toEqual({ 'Colonne X': null });
    expect(match.unknown).toEqual([]);
  });
});
