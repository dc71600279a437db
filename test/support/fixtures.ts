import { readFileSync } from 'node:fs';

const folder = new URL('../fixtures/statuspage/', import.meta.url);

/** A real captured Statuspage response (see test/fixtures/statuspage/SOURCES.md). */
export function statuspageFixture(name: string): string {
  return readFileSync(new URL(name, folder), 'utf8');
}
