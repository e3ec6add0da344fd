// The CLI's command registry: README's table agrees with it, the usage text is generated from it,
// and the command line is checked against each command's declaration (exit code 2, in French).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synopsis } from '../../electron/cli/cli-parse';
import { COMMANDS } from '../../electron/cli/cli-registry';

let dir: string;
let dbPath: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The first column of README's command table, without its backquotes and with `\|` read as `|`. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Where the data is stored'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => /^\| `((?:[^`\\]|\\.)+)` \|/.exec(line)![1]!.replace(/\\\|/g, '|'));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-registry-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI registry', { timeout: 120_000 }, () => {
  it('README lists exactly the registry’s commands, each with its synopsis, in the same order', () => {
    const readme = readmeCommands();
    const registry = COMMANDS.map(synopsis);
    expect(readme.filter((c) => !registry.includes(c)), 'in README, not in the registry (or with other options)').toEqual([]);
    expect(registry.filter((c) => !readme.includes(c)), 'in the registry, missing from README').toEqual([]);
    expect(readme).toEqual(registry);
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('gives an option the same kind in every command (the command is found before its options are read)', () => {
    const kinds = new Map<string, Set<string>>();
    for (const c of COMMANDS) for (const [name, spec] of Object.entries(c.options)) kinds.set(name, (kinds.get(name) ?? new Set()).add(spec.type === 'boolean' ? 'flag' : 'value'));
    expect([...kinds].filter(([, k]) => k.size > 1).map(([name]) => name)).toEqual([]);
    expect(COMMANDS.flatMap((c) => Object.keys(c.options)).filter((name) => ['db', 'json', 'help'].includes(name))).toEqual([]);
  });

  it('prints the usage generated from the registry: global, per group, per command', () => {
    const help = cli('help');
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.out).toContain(`  ${synopsis(c)}\n      ${c.summary}\n`);
    const create = cli('help', 'session', 'create');
    expect(create.code).toBe(0);
    expect(create.out).toMatch(/^Usage : npm run cli -- session create --number NUMÉRO --date AAAA-MM-JJ \[--place LIEU\]/);
    expect(create.out).toContain('  --quorum MAJORITE|N  quorum : la majorité des membres (défaut) ou un nombre minimal de présents\n');
    expect(cli('session', 'agenda', '--help')).toMatchObject({ code: 0, out: expect.stringContaining('--order ID,ID…') });
    const none = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts'], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Commandes :');
    // Nothing was opened, so nothing was created.
    expect(fs.existsSync(dbPath)).toBe(false);
  });

  it('refuses what the declarations do not allow, with exit code 2 and a French message, before opening the base', () => {
    const cases: [string[], string][] = [
      [['session', 'create', '--number', '14', '--date', '2021-05-06', '--lieu', 'Paris'], 'session create : option inconnue --lieu.'],
      [['sessions', '--verbose'], 'sessions : option inconnue --verbose.'],
      [['session', 'create'], 'session create : indiquez --number NUMÉRO et --date AAAA-MM-JJ.'],
      [['session', 'create', '--number'], 'session create : l’option --number attend une valeur.'],
      [['targets', 'set', '--department', '06', '--target', 'dix'], 'targets set : --target attend un nombre entier : « dix ».'],
      [['session', 'agenda', '--session', '14'], 'session agenda : indiquez une seule action parmi --add, --ready, --remove, --order (aucune).'],
      [['session', 'agenda', '--session', '14', '--ready', '--remove', 'N-1'], 'session agenda : indiquez une seule action parmi --add, --ready, --remove, --order (--ready, --remove).'],
      [['session', 'presence', '--session', '14', '--member', 'Alice', '--presence', 'EXCUSE'], 'session presence : --presence attend PRESENT, EXCUSED, ABSENT (« EXCUSE »).'],
      [['session', 'status', '--session', '14', '--status', 'VALIDATED'], 'session status : --status attend PLANNED, IN_PROGRESS, CLOSED (« VALIDATED ») ; le PV se valide par « minutes validate ».'],
      [['session', 'close'], 'session : « close » n’existe pas : indiquez une sous-commande parmi list, create, show, presence, status, agenda.'],
      [['targets'], 'targets : indiquez une sous-commande parmi set, distribute, import.'],
      [['import'], 'import : indiquez FICHIER (fichier à importer).'],
      [['package', 'import', 'a.json', 'b.json'], 'package import : argument inattendu « b.json ».'],
      [['score', 'record', '--dossier', 'N-1', '--value', 'besoins'], 'score record : --value attend CRITÈRE=NOTE (un entier, ou NA pour « non évaluable ») : « besoins ».'],
      [['checks', 'export', '--out', 'controles.pdf'], 'checks export : --out attend un fichier .csv ou .xlsx (« controles.pdf »).'],
      [['publish'], 'Commande inconnue : publish.'],
    ];
    for (const [args, message] of cases) {
      const result = cli(...args);
      expect([result.code, result.err.split('\n')[0], result.out], args.join(' ')).toEqual([2, message, '']);
    }
    expect(fs.existsSync(dbPath)).toBe(false);
  });
});
