import { ActionIcon, Anchor, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconMessageCheck, IconStar, IconX } from '@tabler/icons-react';
import type { KeyboardEvent, RefObject } from 'react';
import type { ComparisonItem } from '../../../shared/domain/review';
import { departmentLabel } from '../../lib/labels';
import { routeHref } from '../../router/routes';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import type { ComparisonCell, ComparisonSection } from './comparison-rows';
import classes from './Comparison.module.css';

export type DrawerTab = 'opinion' | 'score';

interface ComparisonTableProps {
  items: ComparisonItem[];
  sections: ComparisonSection[];
  focused: number;
  onFocus: (index: number) => void;
  onOpen: (index: number, tab: DrawerTab) => void;
  onRemove: (index: number) => void;
  /** Header cells, so that ←/→ can move the keyboard focus along with the highlight. */
  headerRefs: RefObject<(HTMLTableCellElement | null)[]>;
}

function Cell({ cell }: { cell: ComparisonCell }) {
  return (
    <>
      <div className={cell.long ? classes.long : classes.value} data-tone={cell.tone}>
        {cell.text}
      </div>
      {cell.detail && <div className={classes.detail}>{cell.detail}</div>}
    </>
  );
}

export function ComparisonTable({ items, sections, focused, onFocus, onOpen, onRemove, headerRefs }: ComparisonTableProps) {
  const columns = items.length;
  function onHeaderKey(event: KeyboardEvent<HTMLTableCellElement>, index: number): void {
    // Enter on the header itself (not on one of its buttons) opens the opinion form.
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      onOpen(index, 'opinion');
    }
  }
  return (
    <table className={classes.table} data-columns={columns} data-testid="comparison-table">
      <colgroup>
        <col className={classes.labelCol} />
        {items.map((item) => (
          <col key={item.dossier.id} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={classes.corner} scope="col">
            <span className={classes.visuallyHidden}>Critère</span>
          </th>
          {items.map((item, index) => (
            <th
              key={item.dossier.id}
              scope="col"
              ref={(element) => {
                headerRefs.current[index] = element;
              }}
              tabIndex={0}
              className={classes.dossierHead}
              data-focused={index === focused || undefined}
              onFocus={() => onFocus(index)}
              onClick={() => onFocus(index)}
              onKeyDown={(event) => onHeaderKey(event, index)}
              aria-label={`Dossier ${item.dossier.externalId}, ${item.dossier.name ?? 'structure sans nom'}`}
              data-testid="comparison-column"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
                <Anchor href={routeHref({ name: 'dossier', id: item.dossier.id })} fw={700} size="sm" className={classes.name}>
                  {item.dossier.name ?? 'Structure sans nom'}
                </Anchor>
                <Tooltip label="Retirer de la comparaison">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Retirer le dossier ${item.dossier.externalId} de la comparaison`}
                    onClick={() => onRemove(index)}
                    className={classes.noPrint}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Text size="xs" c="gray.7" fw={400}>
                ID {item.dossier.externalId} · {departmentLabel(item.dossier.departmentCode)}
              </Text>
              <Group gap={6} mt={4} wrap="wrap">
                <StatusBadge status={item.dossier.status} />
              </Group>
              <Group gap={6} mt={6} wrap="nowrap" className={classes.noPrint}>
                <Button size="compact-xs" variant="light" leftSection={<IconMessageCheck size={14} aria-hidden />} onClick={() => onOpen(index, 'opinion')}>
                  Avis
                </Button>
                <Button size="compact-xs" variant="light" leftSection={<IconStar size={14} aria-hidden />} onClick={() => onOpen(index, 'score')}>
                  Noter
                </Button>
              </Group>
            </th>
          ))}
        </tr>
      </thead>
      {sections.map((section) => (
        <tbody key={section.key}>
          <tr className={classes.sectionRow}>
            <th colSpan={columns + 1} scope="colgroup">
              {section.title}
            </th>
          </tr>
          {section.rows.map((row) => (
            <tr key={row.key} data-differs={row.differs || undefined} data-print-brief={row.printBrief || undefined} data-testid={`row-${row.key}`}>
              <th scope="row" className={classes.rowLabel}>
                {row.label}
                {row.differs && (
                  <span className={classes.diffMark} title="Les dossiers diffèrent sur cette ligne">
                    <span aria-hidden> ≠</span>
                    <span className={classes.visuallyHidden}> (diffère)</span>
                  </span>
                )}
              </th>
              {row.cells.map((cell, index) => (
                <td key={items[index]!.dossier.id} data-focused={index === focused || undefined}>
                  <Cell cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
