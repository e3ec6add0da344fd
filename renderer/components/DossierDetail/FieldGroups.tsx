import { DataList, Stack } from '@mantine/core';
import type { DossierFields } from '../../../shared/domain/dossier';
import { FIELD_DEFS, FIELD_GROUPS, FIELD_GROUP_LABELS } from '../../../shared/domain/fields';
import { formatFieldValue } from '../../lib/field-value';
import { Section } from '../Section/Section';
import classes from './DossierDetail.module.css';

/** Every field of the dossier, in the catalogue's groups and order, including empty ones (« — »). */
export function FieldGroups({ fields }: { fields: DossierFields }) {
  return (
    <Stack gap="md">
      {FIELD_GROUPS.map((group) => (
        <Section key={group} title={FIELD_GROUP_LABELS[group]}>
          <DataList withDivider gap={6} classNames={{ itemLabel: classes.fieldLabel, itemValue: classes.fieldValue }}>
            {FIELD_DEFS.filter((def) => def.group === group).map((def) => (
              <DataList.Item key={def.key}>
                <DataList.ItemLabel>{def.label}</DataList.ItemLabel>
                <DataList.ItemValue>{formatFieldValue(def.key, fields[def.key])}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </Section>
      ))}
    </Stack>
  );
}
