/**
 * Field catalogue: one definition per DossierFields key, with its French label (UI and import
 * template header), the kind of value it holds and the header names it goes by in real files.
 */
import type { DossierFieldKey } from './dossier';

export const FIELD_GROUPS = ['identite', 'localisation', 'contacts', 'demande', 'reseau', 'plateforme'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const FIELD_GROUP_LABELS: Record<FieldGroup, string> = {
  identite: 'Identité',
  localisation: 'Localisation',
  contacts: 'Contacts',
  demande: 'Demande',
  reseau: 'Réseau national',
  plateforme: 'Suivi sur la plateforme',
};

export type FieldKind =
  | 'text'
  /** Multi-line postal address: the platform indents every line. */
  | 'address'
  | 'int'
  | 'money'
  | 'bool'
  | 'date'
  | 'department'
  | 'region'
  | 'postalCode'
  /** INSEE commune code ("06088", "2A004"): spreadsheets drop its leading zero too. */
  | 'inseeCode'
  | 'siret'
  | 'status'
  | 'contractType'
  | 'qpv'
  | 'structureType'
  | 'email'
  | 'phone';

export interface FieldDef {
  readonly key: DossierFieldKey;
  readonly label: string;
  readonly group: FieldGroup;
  readonly kind: FieldKind;
  /** Header names seen in the wild; the label and the key itself also match. */
  readonly aliases: readonly string[];
  readonly required: boolean;
}

type Def = Omit<FieldDef, 'key' | 'required'> & { required?: true };

// Keyed by field so the compiler checks that every DossierFields key has exactly one entry.
// The order is the template's column order.
const DEFS: Record<DossierFieldKey, Def> = {
  externalId: {
    label: 'Identifiant', group: 'identite', kind: 'text', required: true,
    aliases: ['ID Structure', 'Identifiant structure', 'Identifiant de la structure', 'ID', 'Numéro de dossier', 'N° dossier'],
  },
  siret: {
    label: 'SIRET', group: 'identite', kind: 'siret',
    aliases: ['SIRET structure', 'Siret plateforme', 'N° SIRET', 'Numéro SIRET', 'SIRET de la structure'],
  },
  name: {
    label: 'Nom de la structure', group: 'identite', kind: 'text',
    aliases: ['Dénomination', 'Nom Structure', 'Nom', 'Structure', 'Structure d’accueil'],
  },
  legalName: { label: 'Raison sociale', group: 'identite', kind: 'text', aliases: [] },
  structureType: {
    label: 'Type de structure', group: 'identite', kind: 'structureType',
    aliases: ['Type', 'Type structure', 'Structure publique ou privée'],
  },
  legalForm: {
    label: 'Forme juridique', group: 'identite', kind: 'text',
    aliases: ['Libellé catégorie juridique niv III', 'Libellé catégorie juridique', 'Catégorie juridique', 'Statut juridique'],
  },
  address: {
    label: 'Adresse postale', group: 'localisation', kind: 'address',
    aliases: ['Adresse', 'Adresse de la structure'],
  },
  postalCode: { label: 'Code postal', group: 'localisation', kind: 'postalCode', aliases: ['CP', 'Code postal structure'] },
  communeName: {
    label: 'Commune', group: 'localisation', kind: 'text',
    aliases: ['Nom commune INSEE', 'Ville', 'Nom commune', 'Nom de la commune'],
  },
  communeInsee: {
    label: 'Code commune INSEE', group: 'localisation', kind: 'inseeCode',
    aliases: ['Code INSEE', 'Code INSEE commune'],
  },
  communeCode: { label: 'Code commune', group: 'localisation', kind: 'inseeCode', aliases: [] },
  departmentCode: {
    label: 'Code département', group: 'localisation', kind: 'department', required: true,
    aliases: ['Département', 'Dept', 'Dépt', 'Code dép', 'Code dpt', 'N° département', 'Numéro de département'],
  },
  regionCode: { label: 'Code région', group: 'localisation', kind: 'region', aliases: ['Région', 'Code rég'] },
  zrr: { label: 'ZRR', group: 'localisation', kind: 'bool', aliases: ['en ZRR', 'Zone de revitalisation rurale'] },
  qpv: { label: 'QPV', group: 'localisation', kind: 'qpv', aliases: ['en QPV', 'Quartier prioritaire'] },
  qpvCount: { label: 'Nombre de quartiers QPV', group: 'localisation', kind: 'int', aliases: ['Nombre de QPV'] },
  franceServices: {
    label: 'Labellisée France Services', group: 'localisation', kind: 'bool',
    // The platform's own header has the spelling mistake.
    aliases: ['Labelisée France Services', 'Intervention en France services', 'France Services', 'Label France Services'],
  },
  phone: {
    label: 'Téléphone', group: 'contacts', kind: 'phone',
    aliases: ['Tél', 'Tel', 'Numéro de téléphone', 'Téléphone structure'],
  },
  email: {
    label: 'Email', group: 'contacts', kind: 'email',
    aliases: ['E-mail', 'Courriel', 'Mail', 'Adresse email', 'Adresse électronique', 'Email structure'],
  },
  adminEmails: { label: 'Emails administrateurs', group: 'contacts', kind: 'text', aliases: ['Emails des administrateurs'] },
  postsRequested: {
    label: 'Nombre de conseillers souhaités', group: 'demande', kind: 'int', required: true,
    aliases: ['Nombre de conseillers demandés', 'Conseillers demandés', 'Postes demandés', 'Nombre de postes demandés', 'Nombre de postes'],
  },
  contractType: { label: 'Type de contrat', group: 'demande', kind: 'contractType', aliases: ['Contrat', 'Type de contrat proposé'] },
  contractMonths: {
    label: 'Durée du contrat (mois)', group: 'demande', kind: 'int',
    aliases: ['Durée du contrat', 'Durée du contrat en mois', 'Durée (mois)'],
  },
  branchAgreement: {
    label: 'Accord de branche ou convention collective', group: 'demande', kind: 'bool',
    aliases: ['Accord de branche', 'Convention collective'],
  },
  declaredAid: {
    label: 'Aides déjà perçues (€)', group: 'demande', kind: 'money',
    aliases: ['Aides déjà perçues', 'Aide déjà perçue', 'Aides perçues', 'Aides publiques déjà perçues', 'Montant des aides déjà perçues'],
  },
  consolidation: {
    label: 'Consolidation de postes existants', group: 'demande', kind: 'bool',
    aliases: ['Consolidation', 'Consolidation de poste'],
  },
  motivation: { label: 'Motivation', group: 'demande', kind: 'text', aliases: ['Motivations', 'Projet', 'Description du projet'] },
  submittedAt: {
    label: 'Date de candidature', group: 'demande', kind: 'date',
    aliases: ['Date de dépôt', 'Date de la candidature', 'Date d’inscription', 'Date de création'],
  },
  nationalNetwork: {
    label: 'Grand réseau', group: 'reseau', kind: 'bool',
    aliases: ['Réseau national', 'Membre d’un réseau national'],
  },
  networkName: { label: 'Nom du grand réseau', group: 'reseau', kind: 'text', aliases: ['Nom Grand Réseau', 'Nom du réseau', 'Réseau'] },
  networkRegions: {
    label: 'Régions couvertes par le réseau', group: 'reseau', kind: 'int',
    aliases: ['Nombre de régions du réseau', 'Nombre de régions'],
  },
  networkDepartments: {
    label: 'Départements couverts par le réseau', group: 'reseau', kind: 'int',
    aliases: ['Nombre de départements du réseau', 'Nombre de départements'],
  },
  networkBeneficiaries: {
    label: 'Bénéficiaires accompagnés par le réseau', group: 'reseau', kind: 'int',
    aliases: ['Nombre de bénéficiaires', 'Bénéficiaires du réseau'],
  },
  status: { label: 'Statut', group: 'plateforme', kind: 'status', aliases: ['Statut du dossier', 'Statut de la candidature'] },
  phase: { label: 'Phase en cours', group: 'plateforme', kind: 'text', aliases: ['Phase'] },
  coselecValidated: { label: 'Validée en COSELEC', group: 'plateforme', kind: 'bool', aliases: ['Validé en COSELEC'] },
  postsGranted: {
    label: 'Nombre de conseillers validés par le COSELEC', group: 'plateforme', kind: 'int',
    aliases: ['Postes accordés', 'Conseillers accordés', 'Nombre de postes accordés', 'Nombre de postes validés'],
  },
  coselecNumber: { label: 'Numéro COSELEC', group: 'plateforme', kind: 'text', aliases: ['N° COSELEC', 'COSELEC'] },
  coselecDate: { label: 'Date COSELEC', group: 'plateforme', kind: 'date', aliases: ['Date du COSELEC', 'Date de COSELEC'] },
  accountCreated: { label: 'Compte créé', group: 'plateforme', kind: 'bool', aliases: [] },
  passwordChosen: { label: 'Mot de passe choisi', group: 'plateforme', kind: 'bool', aliases: [] },
  matchingCount: {
    label: 'Nombre de mises en relation', group: 'plateforme', kind: 'int',
    aliases: ['Mises en relation'],
  },
};

export const FIELD_DEFS: readonly FieldDef[] = (Object.keys(DEFS) as DossierFieldKey[]).map((key) => {
  const { required, ...def } = DEFS[key];
  return { key, ...def, required: required === true, aliases: [...def.aliases, key] };
});

const defsByKey = new Map(FIELD_DEFS.map((d) => [d.key, d]));

export function isFieldKey(value: unknown): value is DossierFieldKey {
  return typeof value === 'string' && defsByKey.has(value as DossierFieldKey);
}

export function getFieldDef(key: DossierFieldKey): FieldDef {
  // DEFS is total over DossierFieldKey, so the lookup cannot miss.
  return defsByKey.get(key) as FieldDef;
}

export const REQUIRED_FIELDS: readonly DossierFieldKey[] = FIELD_DEFS.filter((d) => d.required).map((d) => d.key);

/**
 * Headers of known files that we deliberately do not store, so that they are not reported as
 * unknown. The 2021 prefecture workbook's opinion columns are captured by the review workflow
 * instead, and its QPV detail columns are summarised by the "en QPV" flag.
 */
export const IGNORED_HEADERS: readonly string[] = [
  'Avis Préfecture',
  'Commentaire de la Préfecture pour justifier l’avis donné',
  'Commentaire de la Préfecture',
  'Code QPV',
  'Nom du quartier',
  'Nombre de conseillers COSELEC',
  'Avis COSELEC',
];
