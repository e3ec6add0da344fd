import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { OPINION_ACTION_LABELS, PACKAGE_KIND_LABELS, type OpinionSummary, type PackageLine, type PackagePreview } from '../../../shared/domain/exchange';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { OpinionBadge } from '../OpinionCard/OpinionHistory';
import { DOSSIER_ACTION_COLORS, DOSSIER_ACTION_LABELS, OPINION_ACTION_COLORS, senderLabel } from './exchange-format';
import classes from './Exchange.module.css';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="xs" aria-label={`${label} : ${formatNumber(value)}`}>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={value > 0 ? color : undefined}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

function Opinion({ value }: { value: OpinionSummary | null }) {
  if (!value) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Tooltip label={value.comment} multiline w={360} withArrow>
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          <OpinionBadge opinion={value.opinion} size="xs" />
          <Text size="xs">{pluralize(value.postsSupported, 'poste', 'postes')}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {value.authorName} · {formatDateTime(value.createdAt)}
        </Text>
      </Stack>
    </Tooltip>
  );
}

function LineRow({ line, dossiers }: { line: PackageLine; dossiers: boolean }) {
  return (
    <Table.Tr data-testid="package-line" data-action={line.opinion ?? line.dossier ?? undefined}>
      <Table.Td>
        <Text size="sm" fw={600}>
          ID {line.externalId}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {line.name ?? 'Structure sans nom'}
        </Text>
      </Table.Td>
      {dossiers && (
        <Table.Td>
          {line.dossier && (
            <Badge color={DOSSIER_ACTION_COLORS[line.dossier]} variant="light" size="sm" tt="none">
              {DOSSIER_ACTION_LABELS[line.dossier]}
            </Badge>
          )}
        </Table.Td>
      )}
      <Table.Td>
        {line.opinion && (
          <Badge color={OPINION_ACTION_COLORS[line.opinion]} variant={line.opinion === 'conflict' ? 'filled' : 'light'} size="sm" tt="none">
            {OPINION_ACTION_LABELS[line.opinion]}
            {line.versions > 1 ? ` (${line.versions} versions)` : ''}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Opinion value={line.local} />
      </Table.Td>
      <Table.Td>
        <Opinion value={line.incoming} />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{line.reason ?? ''}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

interface PackagePreviewCardProps {
  preview: PackagePreview;
  busy: boolean;
  imported: boolean;
  onImport: () => void;
  onRemove: () => void;
}

/** What importing one package would do, dossier by dossier, before anything is written. */
export function PackagePreviewCard({ preview, busy, imported, onImport, onRemove }: PackagePreviewCardProps) {
  const [showAll, setShowAll] = useState(false);
  const c = preview.counts;
  const dossiers = preview.kind === 'dossiers';
  const changed = preview.lines.filter((l) => l.opinion !== 'unchanged' || l.dossier === 'new' || l.dossier === 'updated');
  const shown = showAll ? preview.lines : changed;
  const hidden = preview.lines.length - changed.length;
  return (
    <Paper withBorder p="md" data-testid="package-preview" aria-label={`Aperçu de ${preview.fileName}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Text fw={700}>{preview.fileName}</Text>
              <Badge variant="light" tt="none">
                {PACKAGE_KIND_LABELS[preview.kind]}
              </Badge>
              {imported && (
                <Badge color="green" tt="none">
                  Importé
                </Badge>
              )}
            </Group>
            <Text size="sm">
              Département {preview.departmentCode} – {preview.departmentName} · envoyé par {senderLabel(preview.sender)} le {formatDateTime(preview.createdAt)}
            </Text>
            <Text size="xs" c="dimmed">
              CNFS Revue {preview.appVersion} · schéma {preview.schemaVersion} · format {preview.formatVersion} · empreinte SHA-256 <span className={classes.mono}>{preview.checksum.slice(0, 16)}…</span> vérifiée
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" color="gray" onClick={onRemove} disabled={busy}>
              Retirer
            </Button>
            <Button onClick={onImport} loading={busy} disabled={imported || preview.upToDate}>
              {preview.upToDate ? 'Rien à importer' : 'Importer'}
            </Button>
          </Group>
        </Group>
        {preview.alreadyImported && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle />} p="xs">
            Ce paquet a déjà été importé dans cette base{preview.upToDate ? ' : il n’apporte rien de nouveau.' : '.'}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 3, lg: dossiers ? 8 : 6 }} spacing="xs" data-testid="package-counts">
          {dossiers && <Stat label="Nouveaux dossiers" value={c.dossiersNew} color="green.8" />}
          {dossiers && <Stat label="Dossiers mis à jour" value={c.dossiersUpdated} color="blue.8" />}
          <Stat label="Nouveaux avis" value={c.new} color="green.8" />
          <Stat label="Avis mis à jour" value={c.updated} color="blue.8" />
          <Stat label="Inchangés" value={c.unchanged} />
          <Stat label="Conflits" value={c.conflicts} color="orange.8" />
          <Stat label="Rejetés" value={c.rejected} color="red.8" />
          {dossiers ? <Stat label="Décisions ajoutées" value={c.decisions} /> : <Stat label="Fiches de notation" value={c.scores} />}
        </SimpleGrid>
        {preview.ranking === 'replaced' && <Text size="sm">Le classement du département sera remplacé par celui de la préfecture.</Text>}
        {preview.notes.map((note) => (
          <Text key={note} size="sm" c="orange.9">
            {note}
          </Text>
        ))}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="24%">Dossier</Table.Th>
                  {dossiers && <Table.Th>Données du dossier</Table.Th>}
                  <Table.Th>Avis</Table.Th>
                  <Table.Th>Dans cette base</Table.Th>
                  <Table.Th>Dans le paquet</Table.Th>
                  <Table.Th w="26%">Détail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((line) => (
                  <LineRow key={line.externalId} line={line} dossiers={dossiers} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {hidden > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll(!showAll)} w="fit-content">
            {showAll ? 'Masquer les dossiers inchangés' : `Afficher aussi ${pluralize(hidden, 'dossier inchangé', 'dossiers inchangés')}`}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
