import { useState } from 'react';
import type { ExchangeFile } from '../../../shared/api/exchange-contract';
import { downloadBytes } from '../../lib/download';
import { toApiError } from '../../lib/errors';
import { useNotificationStore } from '../../stores/notification-store';

/** Runs an export and saves its file through the browser's download (works in Electron too). */
export function useExchangeDownload(): { busy: string | null; download: (key: string, make: () => Promise<ExchangeFile>) => void } {
  const [busy, setBusy] = useState<string | null>(null);
  const notify = useNotificationStore((state) => state.notify);

  function download(key: string, make: () => Promise<ExchangeFile>): void {
    setBusy(key);
    make()
      .then(({ fileName, data }) => {
        downloadBytes(fileName, data);
        notify({ color: 'green', title: 'Fichier prêt', message: `« ${fileName} » est téléchargé : transmettez-le par le moyen habituel (messagerie, clé USB…).` });
      })
      .catch((error: unknown) => notify({ color: 'red', title: 'Export impossible', message: toApiError(error).message }))
      .finally(() => setBusy(null));
  }

  return { busy, download };
}
