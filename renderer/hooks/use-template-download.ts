import { useState } from 'react';
import { api } from '../api/client';
import { downloadBytes } from '../lib/download';
import { toApiError } from '../lib/errors';
import { useNotificationStore } from '../stores/notification-store';

/** Downloads the import template (an empty workbook with the expected columns). */
export function useTemplateDownload(): { download: () => void; downloading: boolean } {
  const [downloading, setDownloading] = useState(false);
  const notify = useNotificationStore((state) => state.notify);

  function download(): void {
    setDownloading(true);
    api['import:template']({})
      .then(({ fileName, data }) => downloadBytes(fileName, data))
      .catch((error: unknown) => notify({ color: 'red', title: 'Téléchargement impossible', message: toApiError(error).message }))
      .finally(() => setDownloading(false));
  }

  return { download, downloading };
}
