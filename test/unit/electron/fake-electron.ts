/**
 * A small hand-written stand-in for the `electron` module (the Electron binary cannot run here):
 * each piece records what the main process and the preload ask of it, and behaves like Electron
 * where the code depends on it (app.quit emits before-quit, ipcMain.handle refuses a second
 * handler per channel, protocol handlers receive a Request). Tests load it with
 * `vi.mock('electron', () => import('./fake-electron'))` and reset it with resetFakeElectron().
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { vi } from 'vitest';

export interface FakeFrame {
  url: string;
}

/** What a preventable Electron event carries. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '' };
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly send = vi.fn();

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  private static readonly waiting: ((win: BrowserWindow) => void)[] = [];

  /** The first window, once the code under test has created it. */
  static first(): Promise<BrowserWindow> {
    const [win] = BrowserWindow.created;
    return win ? Promise.resolve(win) : new Promise((resolve) => BrowserWindow.waiting.push(resolve));
  }

  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  minimized = false;
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    BrowserWindow.created.push(this);
    for (const resolve of BrowserWindow.waiting.splice(0)) resolve(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  ready = false;
  quitted = false;
  private quitWaiters: (() => void)[] = [];
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly whenReady = vi.fn(() => {
    this.ready = true;
    return Promise.resolve();
  });
  /** As Electron: before-quit first, which a listener may prevent; then will-quit. */
  readonly quit = vi.fn(() => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', fakeEvent());
    this.quitted = true;
    for (const resolve of this.quitWaiters.splice(0)) resolve();
  });

  /** Resolves once the app has really quit (no before-quit listener held it back). */
  untilQuit(): Promise<void> {
    return this.quitted ? Promise.resolve() : new Promise((resolve) => this.quitWaiters.push(resolve));
  }
}

export const app = new FakeApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What Electron does when the renderer calls ipcRenderer.invoke(channel, request). */
  async invoke(channel: string, sender: { frame: FakeFrame; mainFrame: FakeFrame }, request: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: sender.frame, sender: { mainFrame: sender.mainFrame } }, request);
  }
}

export const ipcMain = new FakeIpcMain();

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.ready) throw new Error('protocol.handle must be called after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new FakeProtocol();

/** net.fetch on file: URLs, as the app:// handler uses it; a missing file rejects as Electron's does. */
export const net: { fetch: (url: string) => Promise<Response> } = {
  fetch: vi.fn(async (url: string) => {
    const bytes = await fs.promises.readFile(fileURLToPath(url));
    return new Response(bytes, { status: 200, headers: { 'Content-Type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' } });
  }),
};

export const shell = { openExternal: vi.fn(() => Promise.resolve()) };

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
};

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, value: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, value);
  }
}

export const contextBridge = new FakeContextBridge();

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>();
}

export const ipcRenderer = new FakeIpcRenderer();

/** Back to a fresh Electron between tests. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  app.hasLock = true;
  app.ready = false;
  app.quitted = false;
  BrowserWindow.created.length = 0;
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
}
