/** Display of a dossier field value according to its kind in the field catalogue. */
import { CONTRACT_LABELS, STATUS_LABELS } from '../../shared/domain/dossier';
import type { ContractType, DossierFieldKey, DossierStatus, QpvStatus, StructureType } from '../../shared/domain/dossier';
import { getFieldDef } from '../../shared/domain/fields';
import { EMPTY_VALUE, formatBoolean, formatDate, formatMoney, formatNumber } from './format';
import { QPV_LABELS, STRUCTURE_TYPE_LABELS, departmentLabel, regionLabel } from './labels';

function labelFrom<K extends string>(labels: Record<K, string>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value as K] : String(value);
}

export function formatFieldValue(key: DossierFieldKey, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  switch (getFieldDef(key).kind) {
    case 'bool':
      return typeof value === 'boolean' ? formatBoolean(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    case 'int':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'department':
      return typeof value === 'string' ? departmentLabel(value) : String(value);
    case 'region':
      return typeof value === 'string' ? regionLabel(value) : String(value);
    case 'status':
      return labelFrom<DossierStatus>(STATUS_LABELS, value);
    case 'contractType':
      return labelFrom<ContractType>(CONTRACT_LABELS, value);
    case 'qpv':
      return labelFrom<QpvStatus>(QPV_LABELS, value);
    case 'structureType':
      return labelFrom<StructureType>(STRUCTURE_TYPE_LABELS, value);
    default:
      return String(value);
  }
}

export function fieldLabel(key: DossierFieldKey): string {
  return getFieldDef(key).label;
}
