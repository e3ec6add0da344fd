import { describe, expect, it } from 'vitest';
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import { matchHeaders } from '../../../shared/import/headers';
import type { RawRecord } from '../../../shared/import/validate-record';
import { validateRecord, warningLabel } from '../../../shared/import/validate-record';

// A row of the national platform's CSV export, as the CSV reader hands it over (raw strings).
const PLATFORM_ROW: Record<string, unknown> = {
  'SIRET structure': '13002603200016',
  'ID Structure': '4521',
  'Dénomination': 'Association Numérique Pour Tous',
  'Date Coselec': '24/03/2021',
  'Phase en cours': 'COSELEC',
  Type: 'PRIVATE',
  Statut: 'VALIDATION_COSELEC',
  'Code postal': '06000',
  'Code commune': '06088',
  'Code département': '06',
  'Code région': '93',
  'Téléphone': '0493000000',
  Email: 'contact@npt-exemple.fr',
  'Compte créé': 'oui',
  'Mot de passe choisi': 'oui',
  'Nombre de mises en relation': '12',
  'Nombre de conseillers souhaités': '3',
  'Validée en COSELEC': 'oui',
  'Nombre de conseillers validés par le COSELEC': '2',
  'Numéro COSELEC': 'COSELEC 1',
  ZRR: 'non',
  QPV: 'Sans objet',
  'Nombre de quartiers QPV': '0',
  'Labelisée France Services': 'non',
  'Raison sociale': 'ASSOCIATION NUMERIQUE POUR TOUS',
  'Nom commune INSEE': 'Nice',
  'Code commune INSEE': '06088',
  'Adresse postale': '\r\n      12 rue de la Paix\r\n      06000 Nice\r\n   ',
  'Libellé catégorie juridique niv III': 'Association déclarée',
  'Grand Réseau': 'non',
  'Nom Grand Réseau': 'undefined',
  'Emails administrateurs': 'admin@npt-exemple.fr',
};
const PLATFORM_MAPPING = matchHeaders(Object.keys(PLATFORM_ROW)).mapping;

function validate(changes: Record<string, unknown> = {}, mapping = PLATFORM_MAPPING) {
  const record: RawRecord = { row: 7, line: 9, cells: { ...PLATFORM_ROW, ...changes } };
  return validateRecord(record, mapping);
}
function accepted(changes: Record<string, unknown> = {}, mapping = PLATFORM_MAPPING) {
  const result = validate(changes, mapping);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.reason}`);
  return result;
}
function rejected(changes: Record<string, unknown> = {}, mapping = PLATFORM_MAPPING) {
  const result = validate(changes, mapping);
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}
const codes = (changes: Record<string, unknown>) => accepted(changes).warnings.map((w) => w.code);

describe('validateRecord: a clean platform row', () => {
  it('becomes a dossier with every field typed and no warning', () => {
    const result = accepted();
    expect(result).toMatchObject({ row: 7, line: 9, warnings: [] });
    expect(result.fields).toEqual({
      externalId: '4521', siret: '13002603200016', name: 'Association Numérique Pour Tous',
      legalName: 'ASSOCIATION NUMERIQUE POUR TOUS', structureType: 'PRIVEE', phase: 'COSELEC', status: 'VALIDATION_COSELEC',
      postalCode: '06000', communeCode: '06088', communeName: 'Nice', communeInsee: '06088', departmentCode: '06',
      regionCode: '93', address: '12 rue de la Paix\n06000 Nice', phone: '0493000000', email: 'contact@npt-exemple.fr',
      adminEmails: 'admin@npt-exemple.fr', accountCreated: true, passwordChosen: true, matchingCount: 12, postsRequested: 3,
      coselecValidated: true, postsGranted: 2, coselecNumber: 'COSELEC 1', coselecDate: '2021-03-24', zrr: false,
      qpv: 'SANS_OBJET', qpvCount: 0, franceServices: false, legalForm: 'Association déclarée', nationalNetwork: false,
      networkName: null, networkRegions: null, networkDepartments: null, networkBeneficiaries: null, contractType: null,
      contractMonths: null, branchAgreement: null, declaredAid: null, consolidation: null, motivation: null, submittedAt: null,
    });
  });

  it('restores values a spreadsheet mangled', () => {
    const { fields, warnings } = accepted({
      'SIRET structure': '1.3002603200016E+13', 'Code postal': 6000, 'Code département': 6, 'Téléphone': 493000000,
      'Code commune INSEE': 6088, 'Date Coselec': new Date(Date.UTC(2021, 2, 24)),
    });
    expect(warnings).toEqual([]);
    expect(fields).toMatchObject({ siret: '13002603200016', postalCode: '06000', departmentCode: '06', phone: '0493000000', communeInsee: '06088', coselecDate: '2021-03-24' });
  });
});

describe('validateRecord: rejections', () => {
  it('rejects a row without identifier', () => {
    expect(rejected({ 'ID Structure': '  ' })).toEqual({
      row: 7, line: 9, column: 'ID Structure', externalId: null,
      reason: 'Identifiant manquant (colonne « ID Structure ») : la ligne ne peut être rattachée à aucun dossier',
    });
  });

  it('rejects an unknown department, naming the column as the file does', () => {
    expect(rejected({ 'Code département': '99' })).toEqual({
      row: 7, line: 9, column: 'Code département', externalId: '4521',
      reason: 'Colonne « Code département » : département « 99 » inconnu',
    });
    expect(rejected({ 'Code département': 'Atlantide' }).reason).toBe('Colonne « Code département » : département « Atlantide » inconnu');
  });

  it('rejects overseas collectivities, which are outside the 101 departments', () => {
    for (const code of ['975', '977', '978', '984', '986', '987', '988']) {
      expect(rejected({ 'Code département': code }).reason).toMatch(/collectivité d’outre-mer \(.+\), hors des 101 départements/);
    }
    expect(rejected({ 'Code département': '988' }).reason).toContain('(Nouvelle-Calédonie)');
    const saintMartin = rejected({ 'Code département': '00', 'Code commune INSEE': '97801', 'Code commune': '97801', 'Code postal': '97150' });
    expect(saintMartin.reason).toBe('Colonne « Code département » : « 00 » désigne une collectivité d’outre-mer (Saint-Martin), hors des 101 départements couverts par l’appel à manifestation d’intérêt');
    expect(rejected({ 'Code département': '00', 'Code commune INSEE': null, 'Code commune': null, 'Code postal': null }).reason).toMatch(/« 00 » désigne une collectivité d’outre-mer, hors/);
  });

  it('resolves Corsica’s old code 20 from the commune or postal code, or rejects it', () => {
    const ajaccio = accepted({ 'Code département': '20', 'Code postal': '20000', 'Code commune INSEE': '2A004', 'Code commune': '2A004', 'Code région': '94' });
    expect(ajaccio.fields.departmentCode).toBe('2A');
    expect(ajaccio.warnings).toEqual([expect.objectContaining({ code: 'DEPARTMENT_DEDUCED', field: 'departmentCode' })]);
    const bastia = accepted({ 'Code département': 20, 'Code postal': '20200', 'Code commune INSEE': null, 'Code commune': null, 'Code région': '94' });
    expect(bastia.fields.departmentCode).toBe('2B');
    expect(rejected({ 'Code département': '20', 'Code postal': null, 'Code commune INSEE': null, 'Code commune': null }).reason).toMatch(/« 20 ».*2A.*2B/);
  });

  it('rejects a number of posts that is not a whole number ≥ 0', () => {
    for (const raw of ['2,5', '-1', 'trois']) {
      const rejection = rejected({ 'Nombre de conseillers souhaités': raw });
      expect(rejection.column).toBe('Nombre de conseillers souhaités');
      expect(rejection.reason).toContain(`Colonne « Nombre de conseillers souhaités » : « ${raw} »`);
    }
  });

  it('deduces a missing department from the commune or the postal code, or rejects the row', () => {
    const deduced = accepted({ 'Code département': '', 'Code commune INSEE': null, 'Code commune': null });
    expect(deduced.fields.departmentCode).toBe('06');
    expect(deduced.warnings.map((w) => w.code)).toEqual(['DEPARTMENT_DEDUCED']);
    // 01200 straddles Ain and Haute-Savoie: only the commune can tell.
    const straddling = { 'Code département': null, 'Code postal': '01200', 'Code commune INSEE': null, 'Code commune': null };
    expect(rejected(straddling).reason).toMatch(/Département manquant/);
    expect(accepted({ ...straddling, 'Code commune INSEE': '74012', 'Code région': '84' }).fields.departmentCode).toBe('74');
  });
});

describe('validateRecord: warnings', () => {
  it('drops an invalid value in another column and says which column and value', () => {
    const { fields, warnings } = accepted({ 'Date Coselec': '31/02/2021', ZRR: 'peut-être' });
    expect(fields.coselecDate).toBeNull();
    expect(fields.zrr).toBeNull();
    expect(warnings).toEqual([
      { code: 'INVALID_VALUE', field: 'zrr', message: 'Colonne « ZRR » : valeur « peut-être » ignorée (Oui ou Non attendu)' },
      { code: 'INVALID_VALUE', field: 'coselecDate', message: 'Colonne « Date Coselec » : valeur « 31/02/2021 » ignorée (date inexistante)' },
    ]);
  });

  it('warns about SIRETs of the wrong length or with a wrong checksum, keeping them', () => {
    const short = accepted({ 'SIRET structure': '130026032' });
    expect(short.fields.siret).toBe('130026032');
    expect(short.warnings).toEqual([{ code: 'SIRET_FORMAT', field: 'siret', message: 'Colonne « SIRET structure » : le SIRET « 130026032 » n’a pas 14 chiffres (9)' }]);
    const mistyped = accepted({ 'SIRET structure': '13002603200017' });
    expect(mistyped.fields.siret).toBe('13002603200017');
    expect(mistyped.warnings.map((w) => w.code)).toEqual(['SIRET_CHECKSUM']);
    expect(codes({ 'SIRET structure': '35600000010131' })).toEqual([]);
  });

  it('warns when the postal code belongs to another department, or to none', () => {
    const paris = accepted({ 'Code postal': '75001' });
    expect(paris.warnings).toEqual([{ code: 'POSTAL_CODE_DEPARTMENT', field: 'postalCode', message: 'Colonne « Code postal » : le code postal « 75001 » correspond au département 75, pas au 06' }]);
    expect(codes({ 'Code postal': '06999' })).toEqual(['POSTAL_CODE_UNKNOWN']);
  });

  it('always takes the region from the department, warning when the file disagrees', () => {
    const wrong = accepted({ 'Code région': '11' });
    expect(wrong.fields.regionCode).toBe('93');
    expect(wrong.warnings).toEqual([expect.objectContaining({ code: 'REGION_MISMATCH', field: 'regionCode' })]);
    expect(wrong.warnings[0]?.message).toContain('« 11 » incohérente avec le département 06');
    expect(accepted({ 'Code région': null }).fields.regionCode).toBe('93');
    expect(accepted({ 'Code région': 93 }).warnings).toEqual([]);
  });

  it('stores a missing number of posts as 0 and flags more posts granted than requested', () => {
    const missing = accepted({ 'Nombre de conseillers souhaités': '', 'Nombre de conseillers validés par le COSELEC': '' });
    expect(missing.fields.postsRequested).toBe(0);
    expect(missing.warnings.map((w) => w.code)).toEqual(['POSTS_REQUESTED_MISSING']);
    expect(codes({ 'Nombre de conseillers validés par le COSELEC': '4' })).toEqual(['POSTS_GRANTED_EXCEEDS']);
  });

  it('flags contacts the platform wrote as undefined or left empty', () => {
    const { fields, warnings } = accepted({ 'Téléphone': 'undefined', Email: '' });
    expect(fields.phone).toBeNull();
    expect(warnings).toEqual([
      { code: 'CONTACT_MISSING', field: 'phone', message: 'Téléphone non renseigné (« undefined » dans le fichier)' },
      { code: 'CONTACT_MISSING', field: 'email', message: 'Email non renseigné' },
    ]);
    expect(codes({ 'Téléphone': '12' })).toEqual(['INVALID_VALUE']);
  });

  it('does not flag contacts for a file that has no contact column', () => {
    const mapping = { ...PLATFORM_MAPPING, 'Téléphone': null, Email: null };
    expect(accepted({}, mapping).warnings).toEqual([]);
  });

  it('labels every warning code in French', () => {
    expect(warningLabel('SIRET_CHECKSUM')).toBe('SIRET à la clé de contrôle incorrecte');
    expect(warningLabel('SOMETHING_ELSE')).toBe('SOMETHING_ELSE');
  });
});

describe('validateRecord: status', () => {
  const minimal = (cells: Record<string, unknown>) => {
    const mapping: Record<string, DossierFieldKey | null> = matchHeaders(Object.keys(cells)).mapping;
    const result = validateRecord({ row: 2, line: null, cells }, mapping);
    if (!result.ok) throw new Error(result.rejection.reason);
    return result.fields;
  };

  it('defaults to CREEE and derives the COSELEC flag from the status', () => {
    const base = { Identifiant: 'A1', 'Code département': '67', 'Nombre de conseillers souhaités': 1 };
    expect(minimal(base)).toMatchObject({ status: 'CREEE', coselecValidated: false, regionCode: '44' });
    expect(minimal({ ...base, Statut: 'Refusée en COSELEC' })).toMatchObject({ status: 'REFUS_COSELEC', coselecValidated: false });
    expect(minimal({ ...base, Statut: 'ABANDON' })).toMatchObject({ status: 'ABANDON', coselecValidated: null });
    expect(minimal({ ...base, 'Validée en COSELEC': 'Oui' })).toMatchObject({ status: 'VALIDATION_COSELEC', coselecValidated: true });
    expect(minimal({ ...base, Statut: 'CREEE', 'Validée en COSELEC': 'Oui' })).toMatchObject({ status: 'CREEE', coselecValidated: true });
  });

  it('accepts typed values keyed by our own field names, as JSON and the demo generator give them', () => {
    const fields = minimal({ externalId: 'J-1', departmentCode: '971', postsRequested: 2, contractType: 'CONTRAT_PROJET', qpv: 'OUI', structureType: 'PRIVEE', declaredAid: 1500.5, branchAgreement: true });
    expect(fields).toMatchObject({ externalId: 'J-1', departmentCode: '971', regionCode: '01', contractType: 'CONTRAT_PROJET', qpv: 'OUI', structureType: 'PRIVEE', declaredAid: 1500.5, branchAgreement: true });
  });
});
