import { rmSync } from 'node:fs';

/** Removes the data directory the run's Aviso used (chosen in playwright.config.ts). */
export default function globalTeardown(): void {
  const dir = process.env['AVISO_E2E_DATA_DIR'];
  if (dir !== undefined && dir.includes('aviso-e2e-')) rmSync(dir, { recursive: true, force: true });
}
