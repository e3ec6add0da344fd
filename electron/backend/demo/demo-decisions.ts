import type { DossierStatus } from '../../../shared/domain/dossier';
import type { Rng } from './prng';
import { weightedPicker } from './prng';

export interface DemoDecision {
  status: DossierStatus;
  phase: string;
  postsRequested: number;
  coselecValidated: boolean;
  postsGranted: number | null;
  coselecNumber: string | null;
  coselecDate: string | null;
  submittedAt: string;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface CoselecSession {
  number: string;
  /** ISO date YYYY-MM-DD */
  date: string;
  day: number;
}

/**
 * The real committee calendar in outline: sessions 1–3 on 24/03/2021, weekly through 2021,
 * then sparser until COSELEC 62 on 16/11/2023 and 62BIS on 22/12/2023.
 */
function buildCalendar(): CoselecSession[] {
  const sessions: CoselecSession[] = [];
  const add = (number: string, day: number): void => {
    sessions.push({ number, date: isoOf(day), day });
  };
  const first = dayOf('2021-03-24');
  for (let n = 1; n <= 3; n += 1) add(String(n), first);
  const weeklyStart = dayOf('2021-03-31');
  for (let n = 4; n <= 40; n += 1) add(String(n), weeklyStart + 7 * (n - 4));
  const sparseStart = dayOf('2022-01-13');
  const sparseEnd = dayOf('2023-11-16');
  for (let n = 41; n <= 62; n += 1) add(String(n), sparseStart + Math.round(((n - 41) * (sparseEnd - sparseStart)) / 21));
  add('62BIS', dayOf('2023-12-22'));
  return sessions;
}

const CALENDAR = buildCalendar();

// Most decisions were taken during the 2021 rush.
const pickSession = weightedPicker(CALENDAR.map((session) => [session, session.day < dayOf('2022-01-01') ? 3 : 1] as const));

const pickStatus = weightedPicker<DossierStatus>([
  ['CREEE', 56],
  ['VALIDATION_COSELEC', 20],
  ['REFUS_COSELEC', 9],
  ['EXAMEN_COMPLEMENTAIRE_COSELEC', 7],
  ['ABANDON', 3.5],
  ['ANNULEE', 2],
  ['DOUBLON', 2.5],
]);

const pickPosts = weightedPicker<number>([
  [1, 44], [2, 24], [3, 11], [4, 7], [5, 5], [6, 3], [7, 1.5], [8, 1.5], [9, 0.5], [10, 2],
]);

const FIRST_SUBMISSION = dayOf('2021-01-04');
const LAST_SUBMISSION = dayOf('2021-12-17');
// Formatting a Date per dossier showed up in profiles; the submission window is under a year.
const SUBMISSION_DATES = Array.from({ length: LAST_SUBMISSION - FIRST_SUBMISSION + 1 }, (_, i) => isoOf(FIRST_SUBMISSION + i));
const PHASE_TWO_START = dayOf('2022-06-01');

export function pickDecision(rng: Rng, isNetwork: boolean): DemoDecision {
  const status = pickStatus(rng);
  const decided = status === 'VALIDATION_COSELEC' || status === 'REFUS_COSELEC' || status === 'EXAMEN_COMPLEMENTAIRE_COSELEC';
  // Networks apply for several branches at once, hence larger requests.
  let postsRequested = Math.min(10, pickPosts(rng) + (isNetwork ? rng.int(0, 3) : 0));
  if (!decided && rng.chance(0.006)) postsRequested = 0;

  const session = decided ? pickSession(rng) : null;
  // A dossier is submitted at least ten days before the session that examines it.
  const latest = session === null ? LAST_SUBMISSION : Math.min(LAST_SUBMISSION, session.day - 10);
  const submittedAt = SUBMISSION_DATES[rng.int(FIRST_SUBMISSION, latest) - FIRST_SUBMISSION] ?? isoOf(latest);

  let postsGranted: number | null = null;
  if (status === 'VALIDATION_COSELEC') postsGranted = rng.chance(0.65) ? postsRequested : rng.int(1, postsRequested);
  else if (status === 'REFUS_COSELEC') postsGranted = 0;

  return {
    status,
    phase: session !== null && session.day >= PHASE_TWO_START ? 'Phase 2' : 'Phase 1',
    postsRequested,
    coselecValidated: status === 'VALIDATION_COSELEC',
    postsGranted,
    coselecNumber: session?.number ?? null,
    coselecDate: session?.date ?? null,
    submittedAt,
  };
}
