import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DossierFields } from '../../../../shared/domain/dossier';
import { generateDemoDossiers } from '../../../../electron/backend/demo/generate-demo';
import { writePlatformCsv } from '../../../../electron/backend/demo/platform-csv';

// Spelled out from DOMAIN.md rather than imported, so a change to the writer's list fails here.
const EXPECTED_HEADER =
  'SIRET structure;ID Structure;Dénomination;Date Coselec;Phase en cours;Type;Statut;Code postal;Code commune;' +
  'Code département;Code région;Téléphone;Email;Compte créé;Mot de passe choisi;Nombre de mises en relation;' +
  'Nombre de conseillers souhaités;Validée en COSELEC;Nombre de conseillers validés par le COSELEC;Numéro COSELEC;' +
  'ZRR;QPV;Nombre de quartiers QPV;Labelisée France Services;Raison sociale;Nom commune INSEE;Code commune INSEE;' +
  'Adresse postale;Libellé catégorie juridique niv III;Grand Réseau;Nom Grand Réseau;Emails administrateurs';

const validated: DossierFields = {
  externalId: '1042',
  siret: '41816609600069',
  name: 'Association "Le Lien"',
  legalName: 'ASSOCIATION LE LIEN',
  structureType: 'PRIVEE',
  phase: 'Phase 1',
  status: 'VALIDATION_COSELEC',
  postalCode: '75011',
  communeCode: '75056',
  communeName: 'Paris',
  communeInsee: '75056',
  departmentCode: '75',
  regionCode: '11',
  address: "12, rue de l'Église\nBâtiment \"B\"\n75011 Paris",
  phone: null,
  email: null,
  adminEmails: 'marie.dupont@orange.fr,jean.martin@gmail.com',
  accountCreated: true,
  passwordChosen: false,
  matchingCount: 12,
  postsRequested: 3,
  coselecValidated: true,
  postsGranted: 2,
  coselecNumber: '62BIS',
  coselecDate: '2023-12-22',
  zrr: false,
  qpv: 'SANS_OBJET',
  qpvCount: 0,
  franceServices: true,
  legalForm: 'Association déclarée',
  nationalNetwork: true,
  networkName: 'Emmaüs Connect',
  networkRegions: 11,
  networkDepartments: 32,
  networkBeneficiaries: 90000,
  contractType: 'CDI',
  contractMonths: null,
  branchAgreement: null,
  declaredAid: null,
  consolidation: false,
  motivation: 'Texte non exporté par la plateforme.',
  submittedAt: '2021-05-03',
};

const blank: DossierFields = {
  ...validated,
  externalId: '1043',
  siret: null,
  name: 'Régie de quartier; Les Tilleuls\nLyon',
  legalName: null,
  structureType: null,
  phase: null,
  status: null,
  phone: '01 23 45 67 89',
  email: 'contact@exemple.fr',
  adminEmails: null,
  accountCreated: null,
  passwordChosen: null,
  matchingCount: null,
  postsRequested: null,
  coselecValidated: null,
  postsGranted: null,
  coselecNumber: null,
  coselecDate: null,
  zrr: null,
  qpv: null,
  qpvCount: null,
  franceServices: null,
  address: null,
  legalForm: null,
  nationalNetwork: null,
  networkName: null,
};

describe('writePlatformCsv', () => {
  it('starts with a BOM and the 32 platform headers, with \\n line ends', () => {
    const csv = writePlatformCsv([validated]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\n')[0]).toBe(EXPECTED_HEADER);
    expect(EXPECTED_HEADER.split(';')).toHaveLength(32);
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('writes a row with the platform’s quirks', () => {
    const row = writePlatformCsv([validated]).slice(1).split('\n').slice(1).join('\n');
    expect(row).toBe(
      '41816609600069;1042;Association "Le Lien";22/12/2023;Phase 1;privée;VALIDATION_COSELEC;75011;75056;75;11;' +
        'undefined;undefined;oui;non;12;3;oui;2;62BIS;non;Sans objet;0;oui;ASSOCIATION LE LIEN;Paris;75056;' +
        '"12 rue de lÉglise\n        Bâtiment B\n        75011 Paris";Association déclarée;oui;Emmaüs Connect;' +
        '"marie.dupont@orange.fr,jean.martin@gmail.com"\n',
    );
  });

  it('writes missing values the way the platform does and keeps rows on one record', () => {
    const row = writePlatformCsv([blank]).slice(1).split('\n')[1];
    expect(row).toBe(
      ';1043;Régie de quartier  Les Tilleuls Lyon;non renseignée;;;;75011;75056;75;11;01 23 45 67 89;contact@exemple.fr;' +
        'non;non;;;non;;;non;Non défini;;non renseigné;;Paris;75056;"";;non;;""',
    );
  });

  it('produces a file a CSV parser reads back field by field', () => {
    const dossiers = generateDemoDossiers(2000, 3);
    const csv = writePlatformCsv(dossiers);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.join(';')).toBe(EXPECTED_HEADER);
    expect(rows).toHaveLength(2000);
    expect(rows.every((row) => row.length === 32)).toBe(true);

    const quotedName = dossiers.findIndex((d) => d.name?.includes('"'));
    expect(quotedName).toBeGreaterThanOrEqual(0);
    expect(rows[quotedName]?.[2]).toBe(dossiers[quotedName]?.name);
    expect(csv).toContain(`;${dossiers[quotedName]?.name};`);

    const noPhone = dossiers.findIndex((d) => d.phone === null);
    expect(rows[noPhone]?.[11]).toBe('undefined');

    rows.forEach((row, i) => {
      const d = dossiers[i];
      expect(row[1]).toBe(d?.externalId);
      if (d?.address) expect(row[27]).toBe(d.address.replace(/["',]/g, '').split('\n').join('\n        '));
    });
  });
});
