import communesSample from '../../../resources/communes-sample.json';
import type { DossierFields, QpvStatus } from '../../../shared/domain/dossier';
import type { Department } from '../../../shared/domain/geography';
import { DEPARTMENTS, getRegion, isOverseas } from '../../../shared/domain/geography';
import { isValidSiret, luhnValid } from '../../../shared/domain/siret';
import { buildAddress, buildAdminEmails, buildEmail, buildPhone } from './demo-contacts';
import { pickContract } from './demo-contract';
import { pickDecision } from './demo-decisions';
import { composeMotivation } from './demo-motivation';
import type { DemoPlace, StructureIdentity } from './demo-structures';
import { pickStructure } from './demo-structures';
import type { Rng } from './prng';
import { createRng, weightedPicker } from './prng';

interface SampleCommune {
  insee: string;
  name: string;
  postalCode: string;
  population: number;
}

const COMMUNES: Readonly<Record<string, readonly SampleCommune[]>> = communesSample;

const FIRST_EXTERNAL_ID = 1000;
/** Below this many dossiers, forcing one per department would distort the population weights. */
const ALL_DEPARTMENTS_FROM = 1000;

function postalRange(first: number, last: number, extra: readonly number[] = []): string[] {
  const codes: string[] = [];
  for (let code = first; code <= last; code += 1) codes.push(String(code));
  return [...codes, ...extra.map(String)];
}

// One INSEE code but one postal code per arrondissement.
const ARRONDISSEMENT_POSTAL_CODES: Readonly<Record<string, readonly string[]>> = {
  '75056': postalRange(75001, 75020, [75116]),
  '69123': postalRange(69001, 69009),
  '13055': postalRange(13001, 13016),
};

const pickDepartment = weightedPicker(DEPARTMENTS.map((department) => [department, department.population] as const));

// Structures also exist outside the largest towns: damp the population weight.
const communePickers = new Map(
  DEPARTMENTS.map((department) => {
    const communes = COMMUNES[department.code] ?? [];
    return [department.code, weightedPicker(communes.map((commune) => [commune, Math.pow(commune.population, 0.75)] as const))];
  }),
);

/** Identity of the structure behind a dossier: what a duplicate application repeats. */
type StructureFields = Pick<
  DossierFields,
  | 'siret' | 'name' | 'legalName' | 'structureType' | 'postalCode' | 'communeCode' | 'communeName' | 'communeInsee'
  | 'address' | 'phone' | 'email' | 'legalForm' | 'nationalNetwork' | 'networkName' | 'networkRegions'
  | 'networkDepartments' | 'networkBeneficiaries'
>;

interface GenerationState {
  rng: Rng;
  /** SIREN of each national body whose branches are its establishments. */
  legalUnits: Map<string, string>;
  lastStructureByDepartment: Map<string, StructureFields>;
}

/**
 * Realistic, deterministic demo dossiers: the same count and seed always give the same list.
 * Departments are drawn in proportion to their population; from 1,000 dossiers on, every
 * department has at least one.
 */
export function generateDemoDossiers(count: number, seed = 1): DossierFields[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid demo dossier count: ${count}`);
  const state: GenerationState = { rng: createRng(seed), legalUnits: new Map(), lastStructureByDepartment: new Map() };
  const departments = allocateDepartments(state.rng, count);
  return departments.map((department, index) => buildDossier(state, String(FIRST_EXTERNAL_ID + index), department));
}

function allocateDepartments(rng: Rng, count: number): Department[] {
  const departments: Department[] = count >= ALL_DEPARTMENTS_FROM ? [...DEPARTMENTS] : [];
  while (departments.length < count) departments.push(pickDepartment(rng));
  if (count >= ALL_DEPARTMENTS_FROM) shuffle(rng, departments);
  return departments;
}

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function buildDossier(state: GenerationState, externalId: string, department: Department): DossierFields {
  const { rng } = state;
  const commune = communePickers.get(department.code)?.(rng);
  if (commune === undefined) throw new Error(`No sample commune for department ${department.code}`);
  const place: DemoPlace = {
    departmentCode: department.code,
    departmentName: department.name,
    regionName: getRegion(department.regionCode)?.name ?? department.name,
    communeName: commune.name,
    communePopulation: commune.population,
  };
  const identity = pickStructure(rng, place);
  const decision = pickDecision(rng, identity.network !== null);
  const generated = buildStructureFields(state, identity, place, commune, department.regionCode);
  // A duplicate is the same structure applying a second time.
  const structure =
    decision.status === 'DOUBLON' ? (state.lastStructureByDepartment.get(department.code) ?? generated) : generated;
  state.lastStructureByDepartment.set(department.code, structure);

  const accountCreated = rng.chance(decision.coselecValidated ? 0.95 : 0.7);
  const franceServices = rng.chance(0.18);
  const qpv = pickQpv(rng, commune.population);
  const contract = pickContract(rng, isOverseas(department.code));
  return {
    externalId,
    siret: structure.siret,
    name: structure.name,
    legalName: structure.legalName,
    structureType: structure.structureType,
    phase: decision.phase,
    status: decision.status,
    postalCode: structure.postalCode,
    communeCode: structure.communeCode,
    communeName: structure.communeName,
    communeInsee: structure.communeInsee,
    departmentCode: department.code,
    regionCode: department.regionCode,
    address: structure.address,
    phone: structure.phone,
    email: structure.email,
    adminEmails: rng.chance(0.3) ? buildAdminEmails(rng, structure.email) : null,
    accountCreated,
    passwordChosen: accountCreated && rng.chance(0.85),
    matchingCount: pickMatchingCount(rng, accountCreated, decision.coselecValidated),
    postsRequested: decision.postsRequested,
    coselecValidated: decision.coselecValidated,
    postsGranted: decision.postsGranted,
    coselecNumber: decision.coselecNumber,
    coselecDate: decision.coselecDate,
    zrr: rng.chance(commune.population < 10_000 ? 0.45 : 0.08),
    qpv,
    qpvCount: qpv === 'OUI' ? rng.pick([1, 1, 1, 2, 2, 3, 4, 6]) : 0,
    franceServices,
    legalForm: structure.legalForm,
    nationalNetwork: structure.nationalNetwork,
    networkName: structure.networkName,
    networkRegions: structure.networkRegions,
    networkDepartments: structure.networkDepartments,
    networkBeneficiaries: structure.networkBeneficiaries,
    contractType: contract.contractType,
    contractMonths: contract.contractMonths,
    branchAgreement: contract.branchAgreement,
    declaredAid: rng.chance(0.12) ? rng.int(10, 30) * 500 : null,
    consolidation: rng.chance(0.06),
    motivation: rng.chance(0.97)
      ? composeMotivation(rng, {
          structureName: structure.name ?? identity.name,
          communeName: commune.name,
          departmentName: department.name,
          postsRequested: decision.postsRequested,
          franceServices,
        })
      : null,
    submittedAt: decision.submittedAt,
  };
}

function buildStructureFields(
  state: GenerationState,
  identity: StructureIdentity,
  place: DemoPlace,
  commune: SampleCommune,
  regionCode: string,
): StructureFields {
  const { rng } = state;
  const arrondissements = ARRONDISSEMENT_POSTAL_CODES[commune.insee];
  const postalCode = arrondissements === undefined ? commune.postalCode : rng.pick(arrondissements);
  const siret = buildSiret(state, identity.legalUnitKey);
  // Some structures were never matched with the SIRENE registry, so its fields are empty.
  const registry = rng.chance(0.98);
  const email = rng.chance(0.95) ? buildEmail(rng, identity.name, commune.name, identity.emailDomain) : null;
  return {
    siret,
    name: identity.name,
    legalName: registry ? identity.legalName : null,
    structureType: identity.structureType,
    postalCode,
    communeCode: commune.insee,
    communeName: registry ? commune.name : null,
    communeInsee: registry ? commune.insee : null,
    address: registry ? buildAddress(rng, postalCode, commune.name) : null,
    phone: rng.chance(0.92) ? buildPhone(rng, place.departmentCode, regionCode) : null,
    email,
    legalForm: registry ? identity.legalForm : null,
    nationalNetwork: identity.network !== null,
    networkName: identity.network?.networkName ?? null,
    networkRegions: identity.network?.regions ?? null,
    networkDepartments: identity.network?.departments ?? null,
    networkBeneficiaries: identity.network?.beneficiaries ?? null,
  };
}

function randomDigits(rng: Rng, length: number): string {
  let digits = '';
  for (let i = 0; i < length; i += 1) digits += String(rng.int(0, 9));
  return digits;
}

/**
 * Appends the Luhn check digit. Computed rather than found by trying all ten digits because
 * it runs twice per dossier; `isValid` confirms the result against the shared rule.
 */
function withCheckDigit(body: string, isValid: (digits: string) => boolean): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Counted from the right of the completed number, the body's last digit is the first doubled one.
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  const completed = body + String((10 - (sum % 10)) % 10);
  if (!isValid(completed)) throw new Error(`No Luhn check digit completes ${body}`);
  return completed;
}

/** About 97 % valid SIRET; the rest carry a typo in the last digit or only the 9-digit SIREN. */
function buildSiret(state: GenerationState, legalUnitKey: string | null): string {
  const { rng } = state;
  let siren = legalUnitKey === null ? undefined : state.legalUnits.get(legalUnitKey);
  if (siren === undefined) {
    siren = withCheckDigit(String(rng.pick([3, 4, 5, 7, 8, 9])) + randomDigits(rng, 7), luhnValid);
    if (legalUnitKey !== null) state.legalUnits.set(legalUnitKey, siren);
  }
  const nicBody = rng.chance(0.7) ? `000${rng.int(1, 9)}` : randomDigits(rng, 4);
  const siret = withCheckDigit(siren + nicBody, isValidSiret);
  const flaw = rng.next();
  if (flaw < 0.005) return siren;
  if (flaw < 0.03) {
    const mistyped = siret.slice(0, 13) + String((Number(siret.slice(13)) + rng.int(1, 9)) % 10);
    return isValidSiret(mistyped) ? siret : mistyped;
  }
  return siret;
}

function pickQpv(rng: Rng, communePopulation: number): QpvStatus {
  const draw = rng.next();
  // Priority districts are mostly in larger towns.
  const [yes, no] = communePopulation > 30_000 ? [0.45, 0.85] : [0.1, 0.65];
  if (draw < yes) return 'OUI';
  return draw < no ? 'NON' : 'SANS_OBJET';
}

function pickMatchingCount(rng: Rng, accountCreated: boolean, validated: boolean): number {
  if (!accountCreated) return 0;
  // Validated structures browse candidates and get many more matches.
  return validated ? Math.floor(rng.next() ** 2 * 60) : rng.int(0, 8);
}
