/**
 * The exchange package file: readable JSON `{format, formatVersion, checksum, content}` whose
 * checksum is the SHA-256 of the canonical JSON of `content` (keys sorted, no spaces, UTF-8), so
 * that any change to the content after the export (or a file cut short in transit) is detected.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/contract';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type PackageContent, type PackageFile } from '../../../shared/domain/exchange';
import { frenchNumber } from '../../../shared/domain/french-format';
import { checkContent } from './package-shape';

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

export function contentChecksum(content: PackageContent): string {
  return sha256Hex(canonicalJson(content));
}

/** The file's bytes: indented JSON a person can read; the checksum does not depend on the layout. */
export function buildPackageFile(content: PackageContent): Uint8Array {
  const file: PackageFile = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    checksum: { algorithm: 'SHA-256', value: contentChecksum(content) },
    content,
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

const quoted = (name: string) => `« ${name} »`;
const NOTHING = 'Rien n’a été importé.';

function decode(fileName: string, data: Uint8Array): string {
  if (data.length === 0) throw new ApiError('PACKAGE_UNREADABLE', `Le fichier ${quoted(fileName)} est vide. ${NOTHING}`);
  if (data[0] === 0x50 && data[1] === 0x4b) {
    throw new ApiError('PACKAGE_FORMAT', `Le fichier ${quoted(fileName)} est un classeur ou une archive, pas un paquet d’échange CNFS Revue : un classeur départemental s’importe avec « Importer un classeur rempli ». ${NOTHING}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw new ApiError('PACKAGE_UNREADABLE', `Le fichier ${quoted(fileName)} n’est pas un paquet d’échange CNFS Revue (texte UTF-8 illisible). ${NOTHING}`);
  }
}

/** Reads, checks and returns a package's content; every refusal is a French ApiError and writes nothing. */
export function parsePackage(fileName: string, data: Uint8Array): { content: PackageContent; checksum: string; formatVersion: number } {
  const text = decode(fileName, data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (/^\s*\{\s*"format"\s*:\s*"cnfs-revue\/echange"/.test(text)) {
      throw new ApiError(
        'PACKAGE_TRUNCATED',
        `Le paquet ${quoted(fileName)} est incomplet (${frenchNumber(text.length)} caractères, fin du fichier manquante) : il a sans doute été tronqué pendant l’envoi ou la copie. ${NOTHING} Demandez un nouvel export.`,
      );
    }
    throw new ApiError('PACKAGE_FORMAT', `Le fichier ${quoted(fileName)} n’est pas un paquet d’échange CNFS Revue (JSON illisible). ${NOTHING}`);
  }
  const file = parsed as Partial<PackageFile> | null;
  if (!file || typeof file !== 'object' || Array.isArray(file) || file.format !== PACKAGE_FORMAT) {
    throw new ApiError('PACKAGE_FORMAT', `Le fichier ${quoted(fileName)} n’est pas un paquet d’échange CNFS Revue (format « ${PACKAGE_FORMAT} » attendu). ${NOTHING}`);
  }
  const version = file.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ApiError('PACKAGE_VERSION', `Le paquet ${quoted(fileName)} n’indique pas une version de format valide. ${NOTHING}`);
  }
  if (version > PACKAGE_FORMAT_VERSION) {
    throw new ApiError(
      'PACKAGE_VERSION',
      `Le paquet ${quoted(fileName)} est au format n° ${version}, produit par une version plus récente de CNFS Revue (celle-ci lit le format n° ${PACKAGE_FORMAT_VERSION}) : mettez l’application à jour. ${NOTHING}`,
    );
  }
  const expected = file.checksum?.value;
  if (typeof expected !== 'string' || file.checksum?.algorithm !== 'SHA-256' || !file.content || typeof file.content !== 'object') {
    throw new ApiError('PACKAGE_INVALID', `Le paquet ${quoted(fileName)} n’a pas d’empreinte SHA-256 ou pas de contenu. ${NOTHING}`);
  }
  const actual = contentChecksum(file.content);
  if (actual !== expected.toLowerCase()) {
    throw new ApiError(
      'PACKAGE_CHECKSUM',
      `Le paquet ${quoted(fileName)} a été modifié ou endommagé depuis son export : son empreinte SHA-256 ne correspond pas à son contenu (attendue ${expected.slice(0, 12)}…, calculée ${actual.slice(0, 12)}…). ${NOTHING} Demandez à l’expéditeur un nouvel export.`,
    );
  }
  checkContent(fileName, file.content);
  return { content: file.content, checksum: actual, formatVersion: version };
}
