import { Select } from '@mantine/core';
import { DEPARTMENTS } from '../../../shared/domain/geography';

const ALL = DEPARTMENTS.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }));

interface DepartmentSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
  /** Only these departments (a prefecture agent's); all 101 otherwise. */
  only?: readonly string[];
}

export function DepartmentSelect({ value, onChange, only }: DepartmentSelectProps) {
  const data = only ? ALL.filter((d) => only.includes(d.value)) : ALL;
  return <Select label="Département" placeholder="Choisir un département" data={data} value={value} onChange={onChange} searchable allowDeselect={false} w={300} nothingFoundMessage="Aucun département" />;
}
