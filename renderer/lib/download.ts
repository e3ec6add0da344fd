const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
};

export function mimeTypeFor(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/** Saves bytes received from the backend through the browser's download mechanism (works in Electron too). */
export function downloadBytes(fileName: string, data: Uint8Array): void {
  // Copy into a plain ArrayBuffer: Blob does not accept views over a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: mimeTypeFor(fileName) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoking synchronously can cancel the download in Chromium: let it start first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
