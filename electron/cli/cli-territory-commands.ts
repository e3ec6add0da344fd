/** CLI commands of the territorial view: figures per department or per region. */
import type { TerritoryFigures } from '../../shared/domain/territory';
import type { Backend } from '../backend/backend';

const write = (text: string) => process.stdout.write(text);

const line = (code: string, name: string, f: TerritoryFigures & { per100k: number }) =>
  `${code}\t${name}\t${f.dossiers} dossiers\t${f.requested} demandés\t${f.supported} soutenus\t${f.granted} accordés\tobjectif ${f.target ?? '—'}\t${f.per100k.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} pour 100 000 hab.\n`;

/** `--json`: exactly the objects of stats:departments or stats:regions. */
export async function runStats(backend: Backend, level: 'departments' | 'regions', json: boolean): Promise<number> {
  const stats = level === 'departments' ? await backend.call('stats:departments', {}) : await backend.call('stats:regions', {});
  if (json) {
    write(`${JSON.stringify(stats)}\n`);
    return 0;
  }
  for (const s of stats) write(line(s.code, s.name, s));
  return 0;
}
