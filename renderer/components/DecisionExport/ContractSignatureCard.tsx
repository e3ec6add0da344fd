import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CHANGED_SINCE_DECISION } from '../../../shared/domain/decision-money';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import { TRANCHES } from '../../../shared/domain/subsidy';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { isNational, useProfile } from '../../hooks/use-profile';
import { formatDate, formatMoney, pluralize } from '../../lib/format';
import { Section } from '../Section/Section';

const TABLES = ['dossiers', 'decisions', 'settings'];

/**
 * On an approved dossier: the subsidy, and the work contract's signature date from which its
 * three tranches fall due (the national level records it; the exports print the schedule).
 */
export function ContractSignatureCard({ dossierId }: { dossierId: number }) {
  const profile = useProfile();
  const signature = useApiQuery('dossiers:contractSignature', { dossierId }, TABLES);
  const [date, setDate] = useState('');
  const stored = signature.data?.signedAt ?? '';
  useEffect(() => setDate(stored), [stored]);
  const form = useFormSubmit(
    [],
    () => api['dossiers:setContractSignedAt']({ dossierId, signedAt: date === '' ? null : date }),
    () => signature.refetch(),
  );

  const data = signature.data;
  if (!data || data.decision !== 'POSITIF') return null;
  return (
    <Section title="Contrat et versements">
      <Stack gap="sm">
        <Text size="sm">
          {data.total === null
            ? `${pluralize(data.postsGranted ?? 0, 'poste accordé', 'postes accordés')} : montant par poste inconnu (type de contrat non renseigné, ou montant CUI non fixé dans Paramètres).`
            : `Subvention figée à la décision : ${formatMoney(data.total)} (${pluralize(data.postsGranted ?? 0, 'poste', 'postes')} × ${formatMoney(data.perPost)}${data.contractType ? `, ${CONTRACT_LABELS[data.contractType]}` : ''}${data.contractMonths !== null ? ` ${data.contractMonths} mois` : ''}${data.aidDeducted > 0 ? `, aides déclarées déduites : ${formatMoney(data.aidDeducted)}` : ''}).`}
        </Text>
        {data.changes.length > 0 && (
          <Text size="xs" c="orange.8">
            {CHANGED_SINCE_DECISION} : les montants restent ceux de la décision (voir « Décisions du comité »).
          </Text>
        )}
        {isNational(profile) ? (
          <form onSubmit={form.submit}>
            <Group align="flex-end" gap="xs">
              <TextInput type="date" label="Signature du contrat" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={form.serverError} w={230} />
              <Button type="submit" variant="light" loading={form.saving} disabled={date === stored}>
                Enregistrer
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="sm">Signature du contrat : {data.signedAt ? formatDate(data.signedAt) : 'non renseignée'}</Text>
        )}
        {data.tranches && (
          <Table withTableBorder fz="sm" aria-label="Versements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Versement</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th>Échéance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.tranches.map((t, i) => (
                <Table.Tr key={TRANCHES[i]!.label}>
                  <Table.Td>{TRANCHES[i]!.label}</Table.Td>
                  <Table.Td ta="right">{formatMoney(t.amount)}</Table.Td>
                  <Table.Td>{t.dueDate ? formatDate(t.dueDate) : 'date de signature à renseigner'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Section>
  );
}
