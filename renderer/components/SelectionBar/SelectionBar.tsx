import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconColumns, IconMessageCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { pluralize } from '../../lib/format';
import { navigate } from '../../router/use-route';
import { COMPARE_MAX, COMPARE_MIN, canCompare, useSelectionStore } from '../../stores/selection-store';
import { BulkOpinionModal } from '../BulkOpinion/BulkOpinionModal';
import classes from './SelectionBar.module.css';

/** What can be done with the ticked dossiers; a hint when none is ticked, so the layout stays put. */
export function SelectionBar() {
  const selected = useSelectionStore((state) => state.selected);
  const clear = useSelectionStore((state) => state.clear);
  const [bulkOpen, setBulkOpen] = useState(false);
  const count = selected.length;
  const posts = selected.reduce((sum, row) => sum + row.postsRequested, 0);
  const comparable = canCompare(count);

  return (
    <Group justify="space-between" wrap="nowrap" className={classes.bar} data-active={count > 0 || undefined} data-testid="selection-bar">
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          Cochez des dossiers pour les comparer ({COMPARE_MIN} à {COMPARE_MAX}) ou leur donner un avis groupé.
        </Text>
      ) : (
        <Text size="sm" fw={600} aria-live="polite">
          {pluralize(count, 'dossier sélectionné', 'dossiers sélectionnés')} · {pluralize(posts, 'poste demandé', 'postes demandés')}
        </Text>
      )}
      <Group gap="xs" wrap="nowrap">
        <Tooltip label={`Choisissez de ${COMPARE_MIN} à ${COMPARE_MAX} dossiers.`} disabled={comparable}>
          {/* A disabled button gets no pointer events: the wrapper keeps the tooltip working. */}
          <span>
            <Button
              size="xs"
              leftSection={<IconColumns size={16} aria-hidden />}
              disabled={!comparable}
              onClick={() => navigate({ name: 'comparison', ids: selected.map((row) => row.id) })}
            >
              Comparer ({COMPARE_MIN} à {COMPARE_MAX})
            </Button>
          </span>
        </Tooltip>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMessageCheck size={16} aria-hidden />}
          disabled={count === 0}
          onClick={() => setBulkOpen(true)}
        >
          Avis groupé…
        </Button>
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} disabled={count === 0} onClick={clear}>
          Désélectionner
        </Button>
      </Group>
      {bulkOpen && <BulkOpinionModal dossiers={selected} onClose={() => setBulkOpen(false)} onDone={clear} />}
    </Group>
  );
}
