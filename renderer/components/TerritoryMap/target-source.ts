/** Where a department's current target comes from, read from targets:history (newest first). */
import type { TargetVersion } from '../../../shared/api/contract';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The version that set the department's current target: the newest one that covers it. */
export function targetSource(history: readonly TargetVersion[], departmentCode: string): TargetVersion | null {
  return (
    history.find(
      (v) =>
        v.kind === 'distribution' ||
        (v.kind === 'agreement' && (v.departmentCodes ?? []).includes(departmentCode)) ||
        (v.kind === 'department' && v.departmentCode === departmentCode),
    ) ?? null
  );
}

/** « Répartition nationale de 4 000 postes (plancher 5) », « Accord préalable (accords.xlsx, 12 départements) »… */
export function describeVersion(version: TargetVersion): string {
  switch (version.kind) {
    case 'distribution':
      return `Répartition nationale de ${integer.format(version.total ?? 0)} postes selon la population${version.floor ? ` (plancher de ${integer.format(version.floor)} par département)` : ''}`;
    case 'agreement': {
      const count = version.departmentCodes?.length ?? 0;
      return `Accords préalables importés${version.fileName ? ` de « ${version.fileName} »` : ''} : ${integer.format(count)} département${count > 1 ? 's' : ''}, ${integer.format(version.total ?? 0)} postes`;
    }
    case 'department':
      return version.total === null
        ? `Objectif du ${version.departmentCode} retiré`
        : `Objectif du ${version.departmentCode} saisi : ${integer.format(version.total)} poste${version.total > 1 ? 's' : ''}`;
  }
}
