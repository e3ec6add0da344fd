/**
 * What every browser-mode e2e file does with the app's page: open it on a fresh server, wait until it
 * shows its data, call the backend as the page does, and create the first profile.
 */
import { expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { startBrowserModeServer } from './browser-mode-server';
import type { BrowserModeServer } from './browser-mode-server';

export interface AppPage {
  server: BrowserModeServer;
  page: Page;
}

/** Starts a browser-mode server on a fresh database and opens the app in a new page. */
export async function openApp(browser: Browser): Promise<AppPage> {
  const server = await startBrowserModeServer();
  const page = await browser.newPage();
  await page.goto(server.appUrl);
  return { server, page };
}

/** Closes the page, then stops the servers; either may be missing when the start failed half-way. */
export async function closeApp(page: Page | undefined, ...servers: (BrowserModeServer | undefined)[]): Promise<void> {
  await page?.close();
  for (const server of servers) await server?.stop();
}

/** Set by the app on #root once the current page shows the data it asked for. */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('#root')).toHaveAttribute('data-ready', 'true');
}

/** Calls the backend as the page does (HTTP transport, its session token, bytes as {$bytes: base64}); the body is parsed JSON. */
export async function postApi(page: Page, method: string, request: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, request }) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem: (key: string) => string | null } }).sessionStorage;
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${storage.getItem('cnfs-review.token')}` },
        body: JSON.stringify(request),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, request },
  );
}

/** Fills the profile form (first start or « Créer un autre profil »): the name and the role. */
export async function fillProfile(page: Page, name: string, roleLabel: string): Promise<void> {
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('radio', { name: roleLabel }).click();
}

/** The first start: once the page is ready, says who the user is, clicks « Commencer » and waits for the app. */
export async function startFirstProfile(page: Page, name: string, roleLabel: string): Promise<void> {
  await waitReady(page);
  await fillProfile(page, name, roleLabel);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitReady(page);
}
