import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without its byte order mark. */
  text: string;
  encoding: TextEncodingName;
}

/** Detects the BOM alone, so callers can tell UTF-16 (which is full of NUL bytes) from binary. */
export function utf16Bom(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return null;
}

function hasUtf8Bom(data: Uint8Array): boolean {
  return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
}

/**
 * Decodes an uploaded text file. French spreadsheets are saved either as UTF-8 (often with a BOM,
 * as the national platform does) or as Windows-1252 by older Excel versions; anything that is not
 * valid UTF-8 is taken as Windows-1252, which maps nearly every byte to a character.
 */
export function decodeText(data: Uint8Array): DecodedText {
  const bom16 = utf16Bom(data);
  if (bom16) {
    // iconv-lite decodes both byte orders and strips the BOM.
    return { text: iconv.decode(data, bom16), encoding: bom16 };
  }
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return { text, encoding: hasUtf8Bom(data) ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not TextDecoder('windows-1252'): Node 20 decodes it as Latin-1, so ’ € œ (0x80–0x9F) come out wrong.
    return { text: iconv.decode(data, 'windows-1252'), encoding: 'windows-1252' };
  }
}
