/**
 * The territory fixture's CSV on its own (no imports), so that the browser e2e can import it too.
 * See territory-fixtures.ts for what it holds and the figures computed from it by hand.
 */
const HEADER = 'Identifiant;SIRET;Nom de la structure;Code département;Nombre de conseillers souhaités;Statut;Nombre de conseillers validés par le COSELEC;Type de contrat;Type de structure;Grand réseau;Nom du grand réseau;Forme juridique';

/** SIRETs with a valid Luhn checksum; 73282932000074 is used in 2B and 13 on purpose. */
export const TERRITORY_CSV = [
  HEADER,
  'A-1;35600000000048;Association Ajaccio numérique;2A;3;VALIDATION_COSELEC;2;CDI;PRIVEE;non;;Association déclarée',
  'A-2;;Centre social de Porto-Vecchio;2A;2;CREEE;;CDD;PRIVEE;oui;Réseau Inclusion;Association déclarée',
  'B-1;73282932000074;Maison du numérique de Bastia;2B;4;VALIDATION_COSELEC;4;CDI;PRIVEE;oui;Réseau des îles;Association déclarée',
  'B-2;;Fédération corse des foyers ruraux;2B;1;REFUS_COSELEC;;CDD;PRIVEE;oui;réseau  inclusion;Association déclarée',
  'G-1;;Entreprise solidaire de Pointe-à-Pitre;971;5;VALIDATION_COSELEC;3;CUI;PRIVEE;non;;Société par actions simplifiée',
  'G-2;;Association guadeloupéenne des familles;971;2;CREEE;;CUI;PRIVEE;oui;Réseau Inclusion;Association déclarée',
  'G-3;;Régie de quartier des Abymes;971;1;EXAMEN_COMPLEMENTAIRE_COSELEC;;CDI;PRIVEE;oui;Réseau des îles;Association déclarée',
  'P-1;;Emmaüs Connect Paris;75;2;CREEE;;CUI;PRIVEE;oui;Réseau Inclusion;SARL',
  'M-1;73282932000074;Antenne marseillaise de la Maison du numérique;13;1;CREEE;;CUI;PRIVEE;oui;Réseau Inclusion;Association déclarée',
].join('\n');
