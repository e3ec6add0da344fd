/** Coherence checks of the distribution of posts across departments (issue 4), within a scope. */
import { legalKind, NATIONAL_NETWORK_MIN } from '../../../shared/domain/eligibility';
import { DEPARTMENTS, getDepartment, isOverseas } from '../../../shared/domain/geography';
import { compareChecks, departmentChecks, type TerritoryCheck } from '../../../shared/domain/territory';
import type { DbReader } from '../review/db-reader';
import { departmentFigures } from './territory-stats';

interface DossierRef {
  id: number;
  department_code: string;
}

type Allows = (departmentCode: string) => boolean;

const DEPARTMENT_ORDER = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
const byDepartmentOrder = (a: string, b: string) => (DEPARTMENT_ORDER.get(a) ?? 0) - (DEPARTMENT_ORDER.get(b) ?? 0);
const distinctDepartments = (refs: readonly DossierRef[]) => [...new Set(refs.map((r) => r.department_code))].sort(byDepartmentOrder);

/** The ids of the dossiers a scope may see: a check across departments lists only those. */
const inScope = (refs: readonly DossierRef[], allows: Allows) => refs.filter((r) => allows(r.department_code)).map((r) => r.id);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function siretChecks(db: DbReader, allows: Allows): TerritoryCheck[] {
  const rows = db.all<DossierRef & { siret: string }>(
    `SELECT siret, id, department_code FROM dossiers WHERE siret IN (
       SELECT siret FROM dossiers WHERE siret IS NOT NULL AND siret <> '' GROUP BY siret HAVING count(DISTINCT department_code) > 1
     ) ORDER BY siret, id`,
  );
  const bySiret = groupBy(rows, (r) => r.siret);
  return [...bySiret].map(([siret, refs]) => {
    const departments = distinctDepartments(refs);
    return {
      code: 'SIRET_SEVERAL_DEPARTMENTS',
      severity: 'warning',
      departmentCode: null,
      departmentCodes: departments,
      message: `SIRET ${siret} : ${refs.length} dossiers dans ${departments.length} départements (${departments.join(', ')}).`,
      dossierIds: inScope(refs, allows),
    };
  });
}

/** Networks are grouped by name regardless of case and spacing; the first spelling names them. */
function networkChecks(db: DbReader, allows: Allows): TerritoryCheck[] {
  // `> ''` keeps the range on the covering index (a trim() in SQL would scan the wide rows).
  const rows = db
    .all<DossierRef & { network_name: string }>("SELECT network_name, id, department_code FROM dossiers INDEXED BY dossiers_network WHERE network_name > '' ORDER BY id")
    .filter((r) => r.network_name.trim() !== '');
  const byName = groupBy(rows, (r) => r.network_name.trim().replace(/\s+/g, ' ').toLowerCase());
  return [...byName.values()].map((refs) => {
    const name = refs[0]!.network_name.trim();
    const departments = distinctDepartments(refs);
    const regions = new Set(departments.map((code) => getDepartment(code)?.regionCode));
    const national = regions.size >= NATIONAL_NETWORK_MIN.regions && departments.length >= NATIONAL_NETWORK_MIN.departments;
    const spread = `Réseau « ${name} » : ${refs.length} dossier(s) dans ${departments.length} département(s) et ${regions.size} région(s)`;
    return {
      code: national ? 'NETWORK_SPREAD' : 'NETWORK_NARROW',
      severity: national ? 'info' : 'warning',
      departmentCode: null,
      departmentCodes: departments,
      message: national
        ? `${spread}.`
        : `${spread}, en deçà d’un réseau national (au moins ${NATIONAL_NETWORK_MIN.regions} régions et ${NATIONAL_NETWORK_MIN.departments} départements).`,
      dossierIds: inScope(refs, allows),
    };
  });
}

/** CUI-CIE / PEC is open to structures other than associations only in the overseas departments. */
function cuiChecks(db: DbReader): TerritoryCheck[] {
  const rows = db.all<DossierRef & { external_id: string; name: string | null; legal_form: string | null; structure_type: string | null }>(
    "SELECT id, external_id, name, department_code, legal_form, structure_type FROM dossiers WHERE contract_type = 'CUI' ORDER BY id",
  );
  return rows
    .filter((r) => !isOverseas(r.department_code))
    .filter((r) => {
      const kind = legalKind({ legalForm: r.legal_form, structureType: r.structure_type as 'PRIVEE' | 'PUBLIQUE' | null });
      return kind !== 'association' && kind !== 'unknown';
    })
    .map((r) => ({
      code: 'CUI_OUTSIDE_OVERSEAS',
      severity: 'error',
      departmentCode: r.department_code,
      departmentCodes: [r.department_code],
      message: `${r.department_code} – ${getDepartment(r.department_code)?.name ?? ''} : dossier ${r.external_id} (« ${r.name ?? 'sans nom'} », ${r.legal_form}) en CUI, alors que le CUI-CIE / PEC n’est ouvert aux structures autres que les associations que dans les départements d’outre-mer.`,
      dossierIds: [r.id],
    }));
}

/**
 * Every check that concerns a department of the scope; a check spanning several departments
 * (SIRET, network) names them all but lists only the dossiers of the scope.
 */
export function territoryChecks(db: DbReader, tolerancePercent: number, allows: Allows): TerritoryCheck[] {
  return [...departmentChecks(departmentFigures(db), tolerancePercent), ...siretChecks(db, allows), ...networkChecks(db, allows), ...cuiChecks(db)]
    .filter((c) => c.departmentCodes.some(allows))
    .sort(compareChecks);
}
