import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @simplewebauthn/browser's one-file bundle (it defines `window.SimpleWebAuthnBrowser`), read from
 * node_modules once and served by Aviso itself: no CDN, and `script-src 'self'` allows it. The
 * package exports only its entry point, so the bundle is found beside it.
 */
export function webauthnBrowserBundle(): Buffer {
  const entry = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return readFileSync(join(dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js'));
}
