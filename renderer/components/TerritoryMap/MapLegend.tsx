import { Group, Text } from '@mantine/core';
import type { Classification, LegendClass } from './classes';
import classes from './MapLegend.module.css';

function Entry({ entry, unit }: { entry: LegendClass; unit: [string, string] }) {
  return (
    <Group gap={5} wrap="nowrap" className={classes.entry} data-legend-color={entry.color}>
      <span className={classes.swatch} style={{ backgroundColor: entry.color }} aria-hidden />
      <Text size="sm" span>
        {entry.label}
      </Text>
      <Text size="xs" c="dimmed" span>
        ({entry.count} {entry.count < 2 ? unit[0] : unit[1]})
      </Text>
    </Group>
  );
}

/** The classes of the current measure, with how many areas each holds (how they were made: `classification.method`). */
export function MapLegend({ title, classification, level }: { title: string; classification: Classification; level: 'department' | 'region' }) {
  const unit: [string, string] = level === 'department' ? ['dép.', 'dép.'] : ['région', 'régions'];
  return (
    <div className={classes.entries} role="group" aria-label={`Légende : ${title}`} data-testid="map-legend">
      {classification.classes.map((entry) => (
        <Entry key={entry.label} entry={entry} unit={unit} />
      ))}
      {classification.missing && <Entry entry={classification.missing} unit={unit} />}
    </div>
  );
}
