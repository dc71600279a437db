import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { APIRequestContext, Page } from '@playwright/test';

export const locales = ['pt-BR', 'en'] as const;

/** The day the browser tests see (AVISO_NOW on the server): a year after the example's story (September to November 2025). */
export const exampleToday = '2026-11-29T12:00:00Z';
export type TestLocale = (typeof locales)[number];

/** The words a visitor sees, from the page's own catalogue, so the tests follow the translations. */
export function catalogue(locale: TestLocale): (key: string) => string {
  const messages = JSON.parse(readFileSync(new URL(`../src/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
  return (key) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`no "${key}" in the ${locale} catalogue`);
    return text;
  };
}

/** Every message of a catalogue whose key starts with `prefix`. */
export function messagesStartingWith(locale: TestLocale, prefix: string): string[] {
  const messages = JSON.parse(readFileSync(new URL(`../src/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
  return Object.entries(messages)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, text]) => text);
}

export interface PublicPage {
  name: string;
  path: string;
}

/** `/`, `/history`, `/uptime` and the example's first incident, found through the public API. */
export async function publicPages(request: APIRequestContext): Promise<PublicPage[]> {
  const response = await request.get('/api/v2/incidents.json');
  const body = (await response.json()) as { incidents: Array<{ id: string }> };
  const incident = body.incidents[0];
  if (incident === undefined) throw new Error('the example page has no incident to open');
  return [
    { name: 'home', path: '/' },
    { name: 'history', path: '/history' },
    { name: 'uptime', path: '/uptime' },
    { name: 'incident', path: `/incidents/${incident.id}` },
  ];
}

/** Written for review, not compared: `screenshots/` is ignored by git. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** True when the document is wider than the window: the visitor would have to scroll sideways. */
export async function scrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return sizes.scrollWidth > sizes.clientWidth ? sizes : null;
}

/** A TCP port free on 127.0.0.1 right now, for an Aviso (or a provider) a spec starts of its own. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
