/** French grammar and formatting helpers for composing demo names, emails and sentences. */

const VOWEL_START = /^[AEIOUYÉÈÊÎÏÔÂ]/i;

/** "de Lyon", "d’Amiens", "du Havre", "des Mureaux", "de La Rochelle". */
export function ofPlace(place: string): string {
  if (place.startsWith('Le ')) return `du ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `des ${place.slice(4)}`;
  if (VOWEL_START.test(place)) return `d’${place}`;
  return `de ${place}`;
}

/** "à Lyon", "au Havre", "aux Mureaux". */
export function atPlace(place: string): string {
  if (place.startsWith('Le ')) return `au ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `aux ${place.slice(4)}`;
  return `à ${place}`;
}

/**
 * Demo names repeat a lot (a few thousand distinct ones per 50,000 dossiers) and accent stripping
 * was the generator's hot spot, so results are cached; the cap keeps the cache small in a long-lived backend.
 */
function memoize(transform: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      if (cache.size >= 20_000) cache.clear();
      result = transform(text);
      cache.set(text, result);
    }
    return result;
  };
}

const SLUG_MAX_LENGTH = 28;

/** Lower-case ASCII words joined by "-", cut at a word boundary: "Centre social d’Évry" -> "centre-social-d-evry". */
export const slugify = memoize((text) => {
  const slug = stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.lastIndexOf('-', SLUG_MAX_LENGTH);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, SLUG_MAX_LENGTH);
});

/** SIRENE stores legal names upper-case without accents or typographic punctuation. */
export const toRegistryName = memoize((name) => stripAccents(name).toUpperCase());

/** "12000" -> "12 000", as French texts write amounts. */
export function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const ASCII_EQUIVALENTS: Readonly<Record<string, string>> = {
  à: 'a', â: 'a', ä: 'a', á: 'a', ç: 'c', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i',
  ô: 'o', ö: 'o', ó: 'o', ù: 'u', û: 'u', ü: 'u', ú: 'u', ÿ: 'y', œ: 'oe', æ: 'ae',
  À: 'A', Â: 'A', Ç: 'C', É: 'E', È: 'E', Ê: 'E', Ë: 'E', Î: 'I', Ï: 'I', Ô: 'O', Ù: 'U', Û: 'U', Œ: 'OE', Æ: 'AE',
  '’': "'", '‘': "'", '–': '-', '—': '-',
};

// A lookup table rather than NFD normalisation: this runs for every demo dossier and NFD was the hot spot.
function stripAccents(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => ASCII_EQUIVALENTS[char] ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}
