import type { ESLint } from 'eslint';

/** Aviso's own lint rules (aviso-rules.js): `no-import-cycle` and `layering`. */
declare const plugin: ESLint.Plugin;
export default plugin;
