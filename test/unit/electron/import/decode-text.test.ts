import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../electron/backend/import/decode-text';

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM', () => {
    expect(decodeText(Buffer.from('Préfecture'))).toEqual({ text: 'Préfecture', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFFPréfecture'))).toEqual({ text: 'Préfecture', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 with a BOM in both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Côte-d’Or', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le)).toEqual({ text: 'Côte-d’Or', encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: 'Côte-d’Or', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252, including the 0x80–0x9F range', () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x92, 0x20, 0x9c, 0x20, 0xe9, 0xc9]);
    expect(decodeText(bytes)).toEqual({ text: '€ ’ œ éÉ', encoding: 'windows-1252' });
  });
});
