import { create } from 'zustand';

/** Short-lived messages shown in a corner (e.g. after an import), independent of the page shown. */
export interface Notice {
  id: number;
  color: 'green' | 'red' | 'blueFrance';
  title: string;
  message: string;
}

interface NotificationState {
  notices: Notice[];
  notify: (notice: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
}

const DISPLAY_MS = 8000;
/** Older notices give way: a pile of them would cover the page being worked on. */
const MAX_SHOWN = 3;
let nextId = 1;

export const useNotificationStore = create<NotificationState>((set, get) => ({
  notices: [],
  notify: (notice) => {
    const id = nextId++;
    set({ notices: [...get().notices, { ...notice, id }].slice(-MAX_SHOWN) });
    setTimeout(() => get().dismiss(id), DISPLAY_MS);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));
