import { rmSync } from 'node:fs';

/**
 * Removes the data directory the run's Aviso used (chosen in playwright.config.ts). The server may
 * still be keeping a rendering there while it stops, so the removal retries, and a directory left
 * in the system's temp folder only earns a warning.
 */
export default function globalTeardown(): void {
  const dir = process.env['AVISO_E2E_DATA_DIR'];
  if (dir === undefined || !dir.includes('aviso-e2e-')) return;
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove ${dir}: ${String(error)}`);
  }
}
