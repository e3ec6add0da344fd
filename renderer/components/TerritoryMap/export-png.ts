/** The map card (title, map, legend, sources) as a PNG for the minutes, made in the page with html-to-image. */
import { toBlob } from 'html-to-image';
import { downloadBytes } from '../../lib/download';

/** carte-postes-accordes-2026-11-26.png (local date: the one on the minutes). */
export function mapFileName(slug: string, level: 'department' | 'region', now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `carte-${slug}${level === 'region' ? '-regions' : ''}-${day}.png`;
}

/** Parts of the card that make no sense on paper (buttons) carry data-export="hide". */
const keep = (node: HTMLElement) => !(node instanceof HTMLElement) || node.dataset.export !== 'hide';

export async function exportMapPng(card: HTMLElement, fileName: string): Promise<void> {
  const blob = await toBlob(card, { pixelRatio: 2, backgroundColor: '#ffffff', filter: keep, cacheBust: false });
  if (!blob) throw new Error('l’image de la carte est vide');
  downloadBytes(fileName, new Uint8Array(await blob.arrayBuffer()));
}
