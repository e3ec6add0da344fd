import type { StructureType } from '../../../shared/domain/dossier';
import { ALSACE_MOSELLE } from '../../../shared/domain/geography';
import { COOPERATIVE_NAMES, NEIGHBOURHOODS, NOTABLE_PEOPLE, PROJECT_THEMES } from './demo-vocabulary';
import { ofPlace, toRegistryName } from './demo-text';
import type { Rng } from './prng';
import { weightedPicker } from './prng';

export interface DemoPlace {
  departmentCode: string;
  departmentName: string;
  regionName: string;
  communeName: string;
  communePopulation: number;
}

export interface NetworkMembership {
  networkName: string;
  regions: number;
  departments: number;
  beneficiaries: number;
}

export interface StructureIdentity {
  name: string;
  legalName: string;
  legalForm: string;
  structureType: StructureType;
  network: NetworkMembership | null;
  /** Branches of one national body are establishments of a single legal unit, so they share its SIREN. */
  legalUnitKey: string | null;
  emailDomain: string | null;
}

/** Labels as the platform exports them ("Libellé catégorie juridique niv III"). */
const LEGAL_FORMS = {
  association: 'Association déclarée',
  publicUtility: 'Association déclarée d’utilité publique',
  insertion: 'Association déclarée d’insertion par l’économique',
  localLaw: 'Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)',
  scic: 'Société coopérative d’intérêt collectif (SCIC)',
  scop: 'Société coopérative ouvrière de production (SCOP)',
  foundation: 'Fondation',
  mutual: 'Mutuelle',
  sas: 'Société par actions simplifiée',
  socialHousing: 'Société anonyme d’HLM',
  healthGrouping: 'Groupement de coopération sanitaire à gestion privée',
  municipality: 'Commune et commune nouvelle',
  socialWelfareCentre: 'Centre communal d’action sociale',
  communityOfMunicipalities: 'Communauté de communes',
} as const;

const LOCAL_LAW_DEPARTMENTS = new Set<string>(ALSACE_MOSELLE);

type Builder = (rng: Rng, place: DemoPlace) => StructureIdentity;

function local(name: string, legalForm: string, structureType: StructureType = 'PRIVEE'): StructureIdentity {
  return { name, legalName: toRegistryName(name), legalForm, structureType, network: null, legalUnitKey: null, emailDomain: null };
}

function associationForm(place: DemoPlace): string {
  return LOCAL_LAW_DEPARTMENTS.has(place.departmentCode) ? LEGAL_FORMS.localLaw : LEGAL_FORMS.association;
}

const associationName = weightedPicker<(rng: Rng, place: DemoPlace) => string>([
  // Names typed with straight double quotes are common on the platform and break naive CSV readers.
  [(rng) => `Association "${rng.pick(PROJECT_THEMES)}"`, 1],
  [(rng) => `Association ${rng.pick(PROJECT_THEMES)}`, 5],
  [(rng, place) => `${rng.pick(PROJECT_THEMES)} – ${place.communeName}`, 4],
  [(_rng, place) => `Maison des associations ${ofPlace(place.communeName)}`, 1],
  [(_rng, place) => `Amicale laïque ${ofPlace(place.communeName)}`, 1],
  [(_rng, place) => `MJC ${ofPlace(place.communeName)}`, 2],
  [(_rng, place) => `Espace public numérique ${ofPlace(place.communeName)}`, 1],
  [(_rng, place) => `Foyer rural ${ofPlace(place.communeName)}`, 1],
]);

const localBuilders: readonly (readonly [Builder, number])[] = [
  [(rng, place) => local(associationName(rng)(rng, place), associationForm(place)), 32],
  [
    (rng, place) =>
      local(
        rng.pick([
          `Centre social ${rng.pick(NEIGHBOURHOODS)}`,
          `Centre social et culturel ${rng.pick(NOTABLE_PEOPLE)}`,
          `Centre socioculturel ${ofPlace(place.communeName)}`,
          `Maison de quartier ${rng.pick(NEIGHBOURHOODS)}`,
          `Espace de vie sociale ${rng.pick(PROJECT_THEMES)}`,
        ]),
        associationForm(place),
      ),
    13,
  ],
  [
    (rng, place) =>
      local(
        rng.pick([
          `Fédération départementale des centres sociaux – ${place.departmentName}`,
          `Fédération des MJC – ${place.departmentName}`,
          `Fédération départementale des foyers ruraux – ${place.departmentName}`,
          `Union départementale des associations familiales – ${place.departmentName}`,
        ]),
        associationForm(place),
      ),
    5,
  ],
  [
    (rng, place) =>
      local(
        rng.chance(0.7)
          ? `Régie de quartier ${rng.pick(NEIGHBOURHOODS)} – ${place.communeName}`
          : `Régie de territoire ${ofPlace(place.communeName)}`,
        associationForm(place),
      ),
    4,
  ],
  [
    (rng, place) =>
      local(
        rng.pick([
          `Mission locale ${ofPlace(place.communeName)}`,
          `Mission locale ${place.communeName} Agglomération`,
          `Mission locale du bassin ${ofPlace(place.communeName)}`,
        ]),
        associationForm(place),
      ),
    5,
  ],
  [(rng, place) => local(`${rng.pick(COOPERATIVE_NAMES)} – ${place.communeName}`, LEGAL_FORMS.scic), 3],
  [(rng) => local(`${rng.pick(COOPERATIVE_NAMES)} SCOP`, LEGAL_FORMS.scop), 2],
  [(rng) => local(`Fondation ${rng.pick(NOTABLE_PEOPLE)}`, LEGAL_FORMS.foundation), 3],
  [
    (rng, place) =>
      local(rng.chance(0.5) ? `${place.departmentName} Habitat` : `Immobilière ${ofPlace(place.communeName)}`, LEGAL_FORMS.socialHousing),
    2,
  ],
  [
    (rng, place) =>
      local(
        rng.chance(0.5) ? `Mutualité Française – ${place.departmentName}` : `Mutuelle familiale ${ofPlace(place.communeName)}`,
        LEGAL_FORMS.mutual,
      ),
    2,
  ],
  [(rng, place) => local(`${rng.pick(COOPERATIVE_NAMES)} ${place.communeName}`, LEGAL_FORMS.sas), 2],
  [
    (rng, place) =>
      local(`Tiers-lieu ${rng.pick(COOPERATIVE_NAMES)}`, rng.chance(0.7) ? associationForm(place) : LEGAL_FORMS.scic),
    5,
  ],
  [(_rng, place) => local(`Atelier chantier d’insertion ${ofPlace(place.communeName)}`, LEGAL_FORMS.insertion), 4],
  [(_rng, place) => local(`Association départementale d’entraide – ${place.departmentName}`, LEGAL_FORMS.publicUtility), 3],
  [(_rng, place) => local(`GRADeS e-santé ${place.regionName}`, LEGAL_FORMS.healthGrouping), 0.5],
  [
    (rng, place) =>
      rng.pick([
        local(`Commune ${ofPlace(place.communeName)}`, LEGAL_FORMS.municipality, 'PUBLIQUE'),
        local(`CCAS ${ofPlace(place.communeName)}`, LEGAL_FORMS.socialWelfareCentre, 'PUBLIQUE'),
        local(`Communauté de communes du Pays ${ofPlace(place.communeName)}`, LEGAL_FORMS.communityOfMunicipalities, 'PUBLIQUE'),
      ]),
    3,
  ],
];

interface NetworkDefinition {
  networkName: string;
  regions: number;
  departments: number;
  beneficiaries: number;
  legalForm: string;
  /** Set when every branch is an establishment of the national legal unit. */
  nationalLegalName: string | null;
  emailDomain: string;
  branchName: (rng: Rng, place: DemoPlace) => string;
}

const NETWORKS: readonly (readonly [NetworkDefinition, number])[] = [
  [
    {
      networkName: 'Croix-Rouge française', regions: 18, departments: 101, beneficiaries: 1_500_000,
      legalForm: LEGAL_FORMS.publicUtility, nationalLegalName: 'CROIX-ROUGE FRANCAISE', emailDomain: 'croix-rouge.fr',
      branchName: (_rng, place) => `Croix-Rouge française – délégation ${ofPlace(place.communeName)}`,
    },
    20,
  ],
  [
    {
      networkName: 'Secours populaire français', regions: 18, departments: 101, beneficiaries: 3_300_000,
      legalForm: LEGAL_FORMS.publicUtility, nationalLegalName: null, emailDomain: 'secourspopulaire.fr',
      branchName: (rng, place) =>
        rng.chance(0.5) ? `Secours populaire – comité ${ofPlace(place.communeName)}` : `Secours populaire français – fédération ${place.departmentName}`,
    },
    12,
  ],
  [
    {
      networkName: 'Familles rurales', regions: 13, departments: 83, beneficiaries: 160_000,
      legalForm: LEGAL_FORMS.association, nationalLegalName: null, emailDomain: 'famillesrurales.org',
      branchName: (rng, place) =>
        rng.chance(0.7) ? `Familles rurales – association ${ofPlace(place.communeName)}` : `Fédération départementale Familles rurales – ${place.departmentName}`,
    },
    14,
  ],
  [
    {
      networkName: 'Emmaüs Connect', regions: 11, departments: 32, beneficiaries: 90_000,
      legalForm: LEGAL_FORMS.association, nationalLegalName: 'EMMAUS CONNECT', emailDomain: 'emmaus-connect.org',
      branchName: (rng, place) => (rng.chance(0.4) ? 'Emmaüs Connect' : `Emmaüs Connect – ${place.communeName}`),
    },
    8,
  ],
  [
    {
      networkName: 'Secours catholique – Caritas France', regions: 18, departments: 101, beneficiaries: 1_300_000,
      legalForm: LEGAL_FORMS.publicUtility, nationalLegalName: 'SECOURS CATHOLIQUE - CARITAS FRANCE', emailDomain: 'secours-catholique.org',
      branchName: (_rng, place) => `Secours catholique – délégation ${place.departmentName}`,
    },
    8,
  ],
  [
    {
      networkName: 'Les Restaurants du Cœur', regions: 18, departments: 101, beneficiaries: 1_100_000,
      legalForm: LEGAL_FORMS.association, nationalLegalName: null, emailDomain: 'restosducoeur.org',
      branchName: (_rng, place) => `Les Restaurants du Cœur – ${place.departmentName}`,
    },
    8,
  ],
  [
    {
      networkName: 'Ligue de l’enseignement', regions: 18, departments: 101, beneficiaries: 500_000,
      legalForm: LEGAL_FORMS.publicUtility, nationalLegalName: null, emailDomain: 'laligue.org',
      branchName: (_rng, place) => `Ligue de l’enseignement – fédération ${place.departmentName}`,
    },
    10,
  ],
  [
    {
      networkName: 'Union nationale des PIMMS Médiation', regions: 9, departments: 30, beneficiaries: 400_000,
      legalForm: LEGAL_FORMS.association, nationalLegalName: null, emailDomain: 'pimms.org',
      branchName: (_rng, place) => `PIMMS Médiation ${place.communeName}`,
    },
    6,
  ],
  [
    {
      networkName: 'APF France handicap', regions: 18, departments: 97, beneficiaries: 100_000,
      legalForm: LEGAL_FORMS.publicUtility, nationalLegalName: 'APF FRANCE HANDICAP', emailDomain: 'apf.asso.fr',
      branchName: (_rng, place) => `APF France handicap – délégation ${place.departmentName}`,
    },
    5,
  ],
  [
    {
      networkName: 'Fédération nationale des Francas', regions: 14, departments: 72, beneficiaries: 1_200_000,
      legalForm: LEGAL_FORMS.association, nationalLegalName: null, emailDomain: 'francas.asso.fr',
      branchName: (_rng, place) => `Les Francas – ${place.departmentName}`,
    },
    5,
  ],
];

const pickNetwork = weightedPicker(NETWORKS);

function nationalBranch(rng: Rng, place: DemoPlace): StructureIdentity {
  const network = pickNetwork(rng);
  const name = network.branchName(rng, place);
  // A few branches report their local figures instead of the network's, which fails the 1,000 threshold.
  const beneficiaries = rng.chance(0.05) ? rng.int(150, 950) : network.beneficiaries;
  return {
    name,
    legalName: network.nationalLegalName ?? toRegistryName(name),
    legalForm: network.legalForm === LEGAL_FORMS.association ? associationForm(place) : network.legalForm,
    structureType: 'PRIVEE',
    network: { networkName: network.networkName, regions: network.regions, departments: network.departments, beneficiaries },
    legalUnitKey: network.nationalLegalName === null ? null : network.networkName,
    emailDomain: network.emailDomain,
  };
}

/** Regional groupings that call themselves networks without meeting the national thresholds. */
function regionalNetwork(rng: Rng, place: DemoPlace): StructureIdentity {
  const networkName = `Réseau des espaces publics numériques – ${place.regionName}`;
  const name = `${rng.pick(PROJECT_THEMES)} – ${place.communeName}`;
  return {
    ...local(name, associationForm(place)),
    network: { networkName, regions: rng.int(1, 2), departments: rng.int(2, 6), beneficiaries: rng.int(400, 4_000) },
  };
}

const pickBuilder = weightedPicker<Builder>([...localBuilders, [nationalBranch, 14], [regionalNetwork, 1]]);

export function pickStructure(rng: Rng, place: DemoPlace): StructureIdentity {
  return pickBuilder(rng)(rng, place);
}
