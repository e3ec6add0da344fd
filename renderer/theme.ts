import { createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

/** « Bleu France » (#000091, the State's brand blue) at shade 6, the shade Mantine uses for filled elements. */
const blueFrance: MantineColorsTuple = [
  '#f5f5fe',
  '#ececfe',
  '#e3e3fd',
  '#cacafb',
  '#a1a1f8',
  '#6a6af4',
  '#000091',
  '#000074',
  '#00005c',
  '#000047',
];

export const theme = createTheme({
  colors: { blueFrance },
  primaryColor: 'blueFrance',
  primaryShade: 6,
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    Tooltip: { defaultProps: { multiline: true, maw: 360, withArrow: true } },
  },
});
