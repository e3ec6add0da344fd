/**
 * Switching the map's measure in a real Chromium (Playwright), on a base of demo dossiers with
 * opinions and targets: the time from the click on a measure to the next painted frame, measured
 * in the page, 10 switches after a warm-up. Builds its own copy of the app in the temp directory
 * (dist/ is shared by whoever else is building) and serves it in browser mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { openBackend } from '../../electron/backend/backend';
import { summarize, type Summary } from './stats';

export interface MapSwitchResult {
  size: number;
  /** Click on a measure → its colours painted (in the page). */
  switchMs: Summary;
  /** The same, seen from Playwright: mouse click sent → new colours observed (adds the protocol's round trips). */
  playwrightMs: Summary;
}

export const MAP_SWITCH_LIMIT_MS = 100;
const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MEASURES = ['dossiers', 'requested', 'supported', 'granted', 'per100k', 'percentOfTarget', 'gapToTarget', 'reviewedShare'];
const RUNS = 10;

/** The base: demo dossiers, an opinion on a third of them, targets spread over what was granted. */
async function seed(dbPath: string, size: number): Promise<void> {
  const backend = await openBackend({ dbPath, userName: 'Banc de mesure', mode: 'cli', snapshotDelayMs: 600_000 });
  try {
    await backend.call('profile:save', { name: 'Banc de mesure', role: 'ADMIN', departments: [] });
    await backend.call('demo:generate', { count: size });
    const ids = backend.store.db.all<{ id: number }>('SELECT id FROM dossiers WHERE id % 3 = 0 AND posts_requested > 0 ORDER BY id').map((r) => r.id);
    for (let i = 0; i < ids.length; i += 5000) {
      await backend.call('opinions:recordBulk', { dossierIds: ids.slice(i, i + 5000), opinion: 'FAVORABLE', postsSupported: 'requested', comment: 'Avis de mesure : projet cohérent.' });
    }
    const granted = (await backend.call('stats:departments', {})).reduce((s, d) => s + d.granted, 0);
    await backend.call('targets:distribute', { total: Math.max(granted, 505), floor: 5 });
  } finally {
    backend.close();
  }
}

/** A private copy of the app: the bundles `npm run bench` just built, and the renderer built here. */
function buildApp(dir: string): string {
  const app = path.join(dir, 'app');
  fs.cpSync(path.join(ROOT, 'dist', 'electron'), path.join(app, 'electron'), { recursive: true });
  const vite = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', path.join(app, 'renderer'), '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (vite.status !== 0) throw new Error(`vite build failed:\n${vite.stderr}`);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  return path.join(app, 'electron', 'serve.mjs');
}

function serve(script: string, dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [script, '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

/**
 * In the page: click the measure, wait for the restyle to be written, then for the frame to be
 * painted. Plain JavaScript in a string: a function compiled by tsx may carry helpers the page lacks.
 */
const IN_PAGE = String.raw`
globalThis.__mapSwitch = (key, expected) => {
  const label = document.querySelector('.mantine-Chip-root:has(input[data-measure="' + key + '"]) label');
  const map = document.querySelector('.leaflet-container');
  if (!label || !map) throw new Error('map page not shown');
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const start = performance.now();
  const restyled = new Promise((resolve) => {
    if (map.getAttribute('data-measure') === expected) return resolve();
    const observer = new MutationObserver(() => {
      if (map.getAttribute('data-measure') !== expected) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(map, { attributes: true, attributeFilter: ['data-measure'] });
  });
  label.click();
  return restyled.then(painted).then(() => performance.now() - start);
};
`;

const switchInPage = (key: string) => `globalThis.__mapSwitch(${JSON.stringify(key)}, ${JSON.stringify(`department:${key}`)})`;

export async function runMapSwitchBench(opts: { size: number; dir: string; log: (msg: string) => void }): Promise<MapSwitchResult | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} absent (apt-get install chromium)` };
  const dir = fs.mkdtempSync(path.join(opts.dir, 'map-'));
  const dbPath = path.join(dir, 'map.sqlite');
  opts.log(`map: seeding ${opts.size} demo dossiers, opinions and targets (not timed)`);
  await seed(dbPath, opts.size);
  opts.log('map: building a private copy of the renderer');
  const script = buildApp(dir);
  const { url, child } = await serve(script, dbPath);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await page.goto(url);
    await page.waitForSelector('#root[data-ready=true]');
    await page.goto(`${new URL(url).origin}/#/carte`);
    await page.waitForSelector('#root[data-ready=true]');
    await page.waitForSelector('.leaflet-container[data-measure="department:granted"]');
    await page.evaluate(IN_PAGE);
    // Warm-up: every measure twice (JIT, style recalculation caches).
    for (const key of [...MEASURES, ...MEASURES]) await page.evaluate(switchInPage(key));
    const inPage: number[] = [];
    const seen: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const key = MEASURES[i % MEASURES.length]!;
      const next = MEASURES[(i + 3) % MEASURES.length]!;
      inPage.push(await page.evaluate<number>(switchInPage(key)));
      // A real mouse click on the measure (its position taken beforehand, so that no actionability check is timed).
      const box = (await page.locator(`.mantine-Chip-root:has(input[data-measure="${next}"]) label`).boundingBox())!;
      const start = performance.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector(`.leaflet-container[data-measure="department:${next}"]`);
      seen.push(performance.now() - start);
    }
    const result = { size: opts.size, switchMs: summarize(inPage), playwrightMs: summarize(seen) };
    opts.log(`map: measure switch median ${result.switchMs.median.toFixed(1)} ms, p95 ${result.switchMs.p95.toFixed(1)} ms`);
    return result;
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function renderMapSwitch(result: MapSwitchResult | { skipped: string }): string {
  if ('skipped' in result) return `map: measure switch not measured: ${result.skipped}`;
  const ok = result.switchMs.median < MAP_SWITCH_LIMIT_MS ? '✓' : '✗';
  return [
    `map: switching the measure in Chromium, ${result.size.toLocaleString('en-US')} dossiers, ${result.switchMs.runs} switches`,
    `  click → colours painted (in the page): median ${result.switchMs.median.toFixed(1)} ms, p95 ${result.switchMs.p95.toFixed(1)} ms  (target < ${MAP_SWITCH_LIMIT_MS} ms median ${ok})`,
    `  as Playwright sees it (mouse click sent → colours observed): median ${result.playwrightMs.median.toFixed(1)} ms, p95 ${result.playwrightMs.p95.toFixed(1)} ms`,
  ].join('\n');
}
