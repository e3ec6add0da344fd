/**
 * Dates written the French way for the minutes, independent of the host's ICU data:
 * « jeudi 1er avril 2021 », « 1er avril 2021 à 14 h 05 ». Counts are shared/domain/french-format's.
 */

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const dayNumber = (d: number) => (d === 1 ? '1er' : String(d));

/** « 1er avril 2021 » from an ISO date (YYYY-MM-DD…). */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${dayNumber(d)} ${MONTHS[m - 1]} ${y}`;
}

/** « jeudi 1er avril 2021 ». */
export function frenchLongDate(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T12:00:00Z`).getUTCDay();
  return `${DAYS[day]} ${frenchDate(iso)}`;
}

/** « 1er avril 2021 à 14 h 05 » in Paris time, from an ISO timestamp. */
export function frenchDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(iso),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${frenchDate(`${part('year')}-${part('month')}-${part('day')}`)} à ${Number(part('hour'))} h ${part('minute')}`;
}
