import { describe, expect, it } from 'vitest';
import type { FieldKind } from '../../../shared/domain/fields';
import { coerceValue, describeRaw, isNullLike } from '../../../shared/import/values';

const value = (kind: FieldKind, raw: unknown) => {
  const result = coerceValue(kind, raw);
  if (!('value' in result)) throw new Error(`expected a value for ${String(raw)}, got « ${result.error} »`);
  return result.value;
};
const error = (kind: FieldKind, raw: unknown) => {
  const result = coerceValue(kind, raw);
  if (!('error' in result)) throw new Error(`expected an error for ${String(raw)}, got ${String(result.value)}`);
  return result.error;
};

describe('null-like values', () => {
  it.each(['', '   ', 'undefined', 'null', 'NULL', 'non renseigné', 'Non renseignée', 'non renseignee', 'Non défini', 'N/A', 'n/a', '-'])(
    '%j is empty for every kind',
    (raw) => {
      expect(isNullLike(raw)).toBe(true);
      for (const kind of ['text', 'int', 'date', 'phone', 'email', 'department', 'bool'] as const) expect(value(kind, raw)).toBeNull();
    },
  );

  it('treats null, undefined, NaN and invalid dates as empty', () => {
    for (const raw of [null, undefined, Number.NaN, new Date('nope')]) expect(isNullLike(raw)).toBe(true);
    expect(isNullLike('0')).toBe(false);
    expect(isNullLike(0)).toBe(false);
    expect(isNullLike(false)).toBe(false);
  });

  it('refuses values of unexpected types', () => {
    expect(error('text', { richText: [] })).toBe('valeur illisible');
  });
});

describe('text and address', () => {
  it('trims, normalises line ends and keeps every other character', () => {
    const text = 'L’association « Œuvre » — 12 € : "citation"\tfin';
    expect(value('text', `  ${text}  `)).toBe(text);
    expect(value('text', 'ligne 1\r\nligne 2\rligne 3')).toBe('ligne 1\nligne 2\nligne 3');
  });

  it('writes numbers, booleans and dates from typed cells as text', () => {
    expect(value('text', 1234)).toBe('1234');
    expect(value('text', true)).toBe('Oui');
    expect(value('text', new Date(Date.UTC(2021, 2, 24)))).toBe('2021-03-24');
  });

  it('collapses the platform’s indented address lines', () => {
    expect(value('address', '\r\n      12 rue de la Paix\r\n      \r\n      06000 Nice\r\n   ')).toBe('12 rue de la Paix\n06000 Nice');
  });
});

describe('codes mangled by spreadsheets', () => {
  it('restores department codes', () => {
    expect(value('department', 6)).toBe('06');
    expect(value('department', '6')).toBe('06');
    expect(value('department', 6.0)).toBe('06');
    expect(value('department', '06.0')).toBe('06');
    expect(value('department', '01')).toBe('01');
    expect(value('department', '2a')).toBe('2A');
    expect(value('department', ' 2B ')).toBe('2B');
    expect(value('department', 971)).toBe('971');
    expect(value('department', '06 - Alpes-Maritimes')).toBe('06');
    expect(value('department', 'Alpes-Maritimes')).toBe('06');
    expect(value('department', 'corse du sud')).toBe('2A');
  });

  it('leaves membership of the 101 departments to record validation', () => {
    expect(value('department', '99')).toBe('99');
    expect(value('department', '00')).toBe('00');
    expect(value('department', '20')).toBe('20');
    expect(error('department', 'Atlantide')).toBe('code département non reconnu');
    expect(error('department', 2.5)).toBe('code département non reconnu');
  });

  it('restores postal codes', () => {
    expect(value('postalCode', 6420)).toBe('06420');
    expect(value('postalCode', '6420')).toBe('06420');
    expect(value('postalCode', '06 420')).toBe('06420');
    expect(value('postalCode', '75001')).toBe('75001');
    expect(error('postalCode', '750')).toBe('code postal à 5 chiffres attendu');
    expect(error('postalCode', '750011')).toBe('code postal à 5 chiffres attendu');
    expect(error('postalCode', 'Nice')).toBe('code postal à 5 chiffres attendu');
  });

  it('restores INSEE commune codes, Corsican ones included', () => {
    expect(value('inseeCode', 6088)).toBe('06088');
    expect(value('inseeCode', '2a004')).toBe('2A004');
    expect(value('inseeCode', '97105')).toBe('97105');
    expect(error('inseeCode', 'Nice')).toMatch(/INSEE/);
  });

  it('restores region codes and reads region names', () => {
    expect(value('region', 1)).toBe('01');
    expect(value('region', '84')).toBe('84');
    expect(value('region', 'Corse')).toBe('94');
    expect(value('region', "93 - Provence-Alpes-Côte d'Azur")).toBe('93');
    expect(error('region', '99')).toBe('code région inconnu');
  });

  it('restores SIRETs', () => {
    expect(value('siret', 12345678901234)).toBe('12345678901234');
    expect(value('siret', '1.23456789012345E+13')).toBe('12345678901234');
    expect(value('siret', '12345678901234.0')).toBe('12345678901234');
    expect(value('siret', '123 456 789 01234')).toBe('12345678901234');
    // Wrong length is kept: record validation warns about it.
    expect(value('siret', '123456789')).toBe('123456789');
    expect(error('siret', '1,23457E+13')).toMatch(/arrondi par le tableur/);
    expect(error('siret', 'en cours')).toBe('SIRET non numérique');
  });

  it('restores phone numbers', () => {
    expect(value('phone', 612345678)).toBe('0612345678');
    expect(value('phone', '06 12 34 56 78')).toBe('0612345678');
    expect(value('phone', '06.12.34.56.78')).toBe('0612345678');
    expect(value('phone', '+33 6 12 34 56 78')).toBe('+33612345678');
    expect(value('phone', '0033612345678')).toBe('+33612345678');
    expect(error('phone', '12 34')).toBe('numéro de téléphone invalide');
    expect(error('phone', 'joignable le matin')).toBe('numéro de téléphone invalide');
  });
});

describe('booleans', () => {
  it.each([['Oui', true], ['NON', false], ['true', true], ['False', false], ['1', true], ['0', false], [1, true], [0, false], ['x', true], ['X', true], ['Vrai', true], ['faux', false], [true, true], [false, false]])(
    '%j → %j',
    (raw, expected) => expect(value('bool', raw)).toBe(expected),
  );

  it('rejects anything else', () => {
    expect(error('bool', 'peut-être')).toBe('Oui ou Non attendu');
    expect(error('bool', 2)).toBe('Oui ou Non attendu');
  });
});

describe('dates', () => {
  it('reads French and ISO dates', () => {
    expect(value('date', '24/03/2021')).toBe('2021-03-24');
    expect(value('date', '4/3/2021')).toBe('2021-03-04');
    expect(value('date', '24-03-2021')).toBe('2021-03-24');
    expect(value('date', '24/03/21')).toBe('2021-03-24');
    expect(value('date', '24/03/2021 14:30')).toBe('2021-03-24');
    expect(value('date', '2021-03-24')).toBe('2021-03-24');
    expect(value('date', '2021-03-24T10:15:00')).toBe('2021-03-24');
  });

  it('reads timestamps with an offset as the day it was in Paris', () => {
    // The platform stores days as Paris midnight.
    expect(value('date', '2021-03-23T23:00:00.000Z')).toBe('2021-03-24');
    expect(value('date', '2021-07-13T22:00:00Z')).toBe('2021-07-14');
    expect(value('date', '2021-03-24T10:00:00+01:00')).toBe('2021-03-24');
  });

  it('reads Date objects from spreadsheet readers at UTC midnight, and Paris midnights', () => {
    expect(value('date', new Date(Date.UTC(2021, 1, 28)))).toBe('2021-02-28');
    expect(value('date', new Date(Date.UTC(2021, 1, 28, 17, 45)))).toBe('2021-02-28');
    expect(value('date', new Date('2021-07-13T22:00:00Z'))).toBe('2021-07-14');
  });

  it('reads Excel serial numbers', () => {
    expect(value('date', 44279)).toBe('2021-03-24');
    expect(value('date', 44279.75)).toBe('2021-03-24');
    expect(value('date', '44279')).toBe('2021-03-24');
    expect(error('date', 12)).toMatch(/date non reconnue/);
  });

  it('rejects impossible or unreadable dates', () => {
    expect(error('date', '31/02/2021')).toBe('date inexistante');
    expect(error('date', '29/02/2021')).toBe('date inexistante');
    expect(value('date', '29/02/2024')).toBe('2024-02-29');
    expect(error('date', '2021-13-01')).toBe('date inexistante');
    expect(error('date', 'mars 2021')).toMatch(/date non reconnue/);
    expect(error('date', true)).toBe('date attendue');
  });
});

describe('numbers', () => {
  it('reads whole numbers', () => {
    expect(value('int', '3')).toBe(3);
    expect(value('int', 3)).toBe(3);
    expect(value('int', '3,0')).toBe(3);
    expect(value('int', '3.00')).toBe(3);
    expect(value('int', ' 3 ')).toBe(3);
    expect(value('int', '1 000')).toBe(1000);
    expect(value('int', 0)).toBe(0);
  });

  it('rejects fractions, negatives and text', () => {
    for (const raw of ['2,5', 2.5, -1, '-1', 'abc', true]) expect(error('int', raw)).toBe('nombre entier positif ou nul attendu');
  });

  it('reads euro amounts rounded to the cent', () => {
    expect(value('money', '1 234,56 €')).toBe(1234.56);
    expect(value('money', '1\u202f234,56\u00a0€')).toBe(1234.56);
    expect(value('money', '1234.56')).toBe(1234.56);
    expect(value('money', 1234.56)).toBe(1234.56);
    expect(value('money', 1234.567)).toBe(1234.57);
    expect(value('money', '1.234,5')).toBe(1234.5);
    expect(value('money', '1,234.5')).toBe(1234.5);
    expect(value('money', '12 000 EUR')).toBe(12000);
    expect(value('money', '€ 500')).toBe(500);
    expect(value('money', '1.000.000')).toBe(1000000);
    expect(error('money', '-5')).toBe('montant positif en euros attendu');
    expect(error('money', 'beaucoup')).toBe('montant positif en euros attendu');
  });
});

describe('enumerations', () => {
  it('reads statuses as platform codes or French labels', () => {
    expect(value('status', 'CREEE')).toBe('CREEE');
    expect(value('status', 'VALIDATION_COSELEC')).toBe('VALIDATION_COSELEC');
    expect(value('status', 'validation_coselec')).toBe('VALIDATION_COSELEC');
    expect(value('status', 'Non traitée')).toBe('CREEE');
    expect(value('status', 'Validée en COSELEC')).toBe('VALIDATION_COSELEC');
    expect(value('status', 'Examen complémentaire')).toBe('EXAMEN_COMPLEMENTAIRE_COSELEC');
    expect(value('status', 'Refusée en COSELEC')).toBe('REFUS_COSELEC');
    expect(value('status', 'DOUBLON')).toBe('DOUBLON');
    expect(error('status', 'EN_COURS')).toBe('statut inconnu');
  });

  it('reads contract types under their many names', () => {
    expect(value('contractType', 'CDI')).toBe('CDI');
    expect(value('contractType', 'cdd')).toBe('CDD');
    expect(value('contractType', 'Contrat de projet')).toBe('CONTRAT_PROJET');
    expect(value('contractType', 'CONTRAT_PROJET')).toBe('CONTRAT_PROJET');
    for (const raw of ['CUI', 'PEC', 'CUI-CAE', 'CUI-CIE', 'cui cae', 'Parcours emploi compétences', 'CUI (CAE/CIE – PEC)']) {
      expect(value('contractType', raw)).toBe('CUI');
    }
    expect(error('contractType', 'Stage')).toMatch(/type de contrat inconnu/);
  });

  it('reads QPV flags', () => {
    expect(value('qpv', 'Oui')).toBe('OUI');
    expect(value('qpv', 'non')).toBe('NON');
    expect(value('qpv', 'Sans objet')).toBe('SANS_OBJET');
    expect(value('qpv', 'SANS_OBJET')).toBe('SANS_OBJET');
    expect(value('qpv', true)).toBe('OUI');
    expect(error('qpv', 'peut-être')).toBe('Oui, Non ou Sans objet attendu');
  });

  it('reads structure types', () => {
    expect(value('structureType', 'privée')).toBe('PRIVEE');
    expect(value('structureType', 'PRIVATE')).toBe('PRIVEE');
    expect(value('structureType', 'Publique')).toBe('PUBLIQUE');
    expect(value('structureType', 'PUBLIC')).toBe('PUBLIQUE');
    expect(error('structureType', 'mixte')).toBe('Privée ou Publique attendu');
  });

  it('checks email addresses', () => {
    expect(value('email', ' contact@asso-exemple.fr ')).toBe('contact@asso-exemple.fr');
    expect(value('email', 'mailto:contact@asso-exemple.fr')).toBe('contact@asso-exemple.fr');
    expect(error('email', 'contact at asso')).toBe('adresse email invalide');
  });
});

describe('describeRaw', () => {
  it('quotes values on one line and shortens long ones', () => {
    expect(describeRaw('a\nb')).toBe('a b');
    expect(describeRaw(12)).toBe('12');
    expect(describeRaw('x'.repeat(100))).toHaveLength(60);
  });
});
