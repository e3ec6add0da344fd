/**
 * What the user chose to export (kept while they move between pages, so that « Exporter la
 * sélection » on the dossier list arrives here preset) and the export running in the backend.
 * The running export lives here, not in the component: the user may go on working elsewhere,
 * the file downloads when it is ready.
 */
import { create } from 'zustand';
import type { ApiError, DossierFilter } from '../../../shared/api/contract';
import type { DecisionExportRequest, DecisionSelection, ExportFormat, ExportProgress } from '../../../shared/api/exports-contract';
import { api, onEvent } from '../../api/client';
import { downloadBytes } from '../../lib/download';
import { toApiError } from '../../lib/errors';
import { pluralize } from '../../lib/format';
import { navigate } from '../../router/use-route';
import { useNotificationStore } from '../../stores/notification-store';

/** all: every decision; sessions: one or several sessions; list: the dossier list's filter; department: one department. */
export type ExportScope = 'all' | 'sessions' | 'list' | 'department';

export interface RunningExport {
  id: string | null;
  fileName: string | null;
  done: number;
  total: number;
  /** starting: asked, no answer yet; writing: rows being written; fetching: the file is on its way. */
  phase: 'starting' | 'writing' | 'fetching';
}

interface DecisionExportState {
  scope: ExportScope;
  sessions: string[];
  department: string | null;
  format: ExportFormat;
  running: RunningExport | null;
  error: ApiError | null;
  /** The last file downloaded, to confirm it on the page. */
  lastFile: { fileName: string; rows: number } | null;
  setScope: (scope: ExportScope) => void;
  setSessions: (sessions: string[]) => void;
  setDepartment: (department: string | null) => void;
  setFormat: (format: ExportFormat) => void;
}

export const useDecisionExportStore = create<DecisionExportState>((set) => ({
  scope: 'all',
  sessions: [],
  department: null,
  format: 'xlsx',
  running: null,
  error: null,
  lastFile: null,
  setScope: (scope) => set({ scope }),
  setSessions: (sessions) => set({ sessions }),
  setDepartment: (department) => set({ department }),
  setFormat: (format) => set({ format }),
}));

/** The selection the choices describe; `listFilter`: the dossier list's current filter. */
export function selectionOf(state: Pick<DecisionExportState, 'scope' | 'sessions' | 'department'>, listFilter: DossierFilter): DecisionSelection {
  switch (state.scope) {
    case 'sessions':
      return { sessions: state.sessions };
    case 'list':
      return { filter: listFilter };
    case 'department':
      return state.department ? { departments: [state.department] } : {};
    default:
      return {};
  }
}

/** Progress events may arrive before the answer of exports:start (SSE and HTTP are two channels): keep the last of each. */
const lastProgress = new Map<string, ExportProgress>();
let listening = false;

function fail(error: unknown): void {
  useDecisionExportStore.setState({ running: null, error: toApiError(error) });
}

async function fetchFile(id: string): Promise<void> {
  useDecisionExportStore.setState((s) => ({ running: s.running && { ...s.running, phase: 'fetching' } }));
  try {
    const file = await api['exports:result']({ id });
    downloadBytes(file.fileName, file.data);
    useDecisionExportStore.setState({ running: null, lastFile: { fileName: file.fileName, rows: file.rows } });
    useNotificationStore.getState().notify({ color: 'green', title: 'Export terminé', message: `${file.fileName} : ${pluralize(file.rows, 'décision', 'décisions')}.` });
  } catch (error) {
    fail(error);
  } finally {
    lastProgress.delete(id);
  }
}

function onProgress(progress: ExportProgress): void {
  const running = useDecisionExportStore.getState().running;
  if (!running || running.id !== progress.id || running.phase === 'fetching') return;
  if (progress.state === 'running') {
    useDecisionExportStore.setState({ running: { ...running, done: progress.done, total: progress.total } });
  } else if (progress.state === 'cancelled') {
    lastProgress.delete(progress.id);
    useDecisionExportStore.setState({ running: null });
  } else {
    // 'done' gives the file; 'failed' gives the reason, through the same call.
    void fetchFile(progress.id);
  }
}

export async function startExport(request: DecisionExportRequest): Promise<void> {
  if (!listening) {
    listening = true;
    onEvent('export:progress', (progress) => {
      lastProgress.set(progress.id, progress);
      onProgress(progress);
    });
  }
  useDecisionExportStore.setState({ running: { id: null, fileName: null, done: 0, total: 0, phase: 'starting' }, error: null, lastFile: null });
  try {
    const job = await api['exports:start'](request);
    useDecisionExportStore.setState({ running: { id: job.id, fileName: job.fileName, done: 0, total: job.total, phase: 'writing' } });
    const early = lastProgress.get(job.id);
    if (early) onProgress(early);
  } catch (error) {
    fail(error);
  }
}

export async function cancelExport(): Promise<void> {
  const id = useDecisionExportStore.getState().running?.id;
  if (!id) return;
  try {
    await api['exports:cancel']({ id });
  } catch (error) {
    fail(error);
  }
}

/** « Exporter les décisions de la sélection » on the dossier list: the Exports page, preset to the list's filter. */
export function exportListSelection(): void {
  useDecisionExportStore.setState({ scope: 'list' });
  navigate({ name: 'exports' });
}
