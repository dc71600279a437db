// Aviso's own lint rules: no import cycle in src/, and the layering ARCHITECTURE.md describes.
import { relative, sep } from 'node:path';
import { buildImportGraph, cyclicComponents, importPath, resolveImport } from './import-graph.js';

// One graph per lint run (per root): built on the first file that asks, about half a second.
const graphs = new Map();
function graphOf(root) {
  let entry = graphs.get(root);
  if (entry === undefined) {
    const graph = buildImportGraph(root);
    entry = { graph, files: new Set(graph.keys()), cycles: cyclicComponents(graph) };
    graphs.set(root, entry);
  }
  return entry;
}

/** The import-like nodes of a file: static imports and re-exports, dynamic imports, `import('…')` types. */
function visitImports(report) {
  const typeOnly = (node) =>
    node.importKind === 'type' ||
    node.exportKind === 'type' ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
  const check = (node, source) => {
    if (source?.type === 'Literal' && typeof source.value === 'string') report(node, source.value, typeOnly(node));
  };
  return {
    ImportDeclaration: (node) => check(node, node.source),
    ExportNamedDeclaration: (node) => check(node, node.source),
    ExportAllDeclaration: (node) => check(node, node.source),
    ImportExpression: (node) => check(node, node.source),
    TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
  };
}

const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids import cycles in src/, type-only and dynamic imports included.' },
    messages: { cycle: 'This import closes an import cycle: {{path}}. Move what both sides need below them.' },
    schema: [],
  },
  create(context) {
    const root = `${context.cwd}${sep}src`;
    const file = context.filename;
    if (!file.startsWith(root + sep)) return {};
    const { graph, files, cycles } = graphOf(root);
    const component = cycles.get(file);
    if (component === undefined) return {};
    return visitImports((node, specifier) => {
      const target = resolveImport(file, specifier, files);
      if (target === undefined || cycles.get(target) !== component) return;
      const back = importPath(graph, target, file) ?? [target, file];
      const path = [file, ...back].map((f) => relative(context.cwd, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { path } });
    });
  },
};

const surfaces = new Set([
  'api',
  'admin',
  'public-page',
  'subscriptions-web',
  'feeds',
  'calendar',
  'badges',
  'embed',
  'health',
  'docs-pages',
]);

/** Where a file sits: `{ layer, module? }` from its path under src/. */
function placeOf(relativePath) {
  const parts = relativePath.split(sep);
  if (parts[0] !== 'src') return { layer: 'outside' };
  if (parts.length === 2) return { layer: 'root', file: parts[1] };
  if (parts[1] === 'modules') return { layer: 'module', module: parts[2], rest: parts.slice(3).join('/') };
  if (surfaces.has(parts[1])) return { layer: 'surface', surface: parts[1] };
  return { layer: parts[1], rest: parts.slice(2).join('/') };
}

const isStore = (relativePath) => relativePath.endsWith('-store.ts') || relativePath.startsWith(`src${sep}storage${sep}`);

/** Why `from` may not import `to`, or undefined when it may. */
function refusal(from, to, fromPath, toPath, typeOnly) {
  if (to.layer === 'storage' && to.rest === 'tables.ts' && !isStore(fromPath))
    return 'Only *-store.ts files and storage/ use the table types: take a Db (storage/database.ts) and call a store.';
  if (from.layer === 'surface' && to.layer === 'storage')
    return `A surface (${from.surface}/) never imports storage/: it calls one verb of a module, through its index.ts.`;
  if (from.layer === 'module') {
    if (to.layer === 'module' && to.module !== from.module && to.rest !== 'index.ts')
      return `Modules import each other only through index.ts: import from modules/${to.module}/index.ts.`;
    if (to.layer === 'surface' || to.layer === 'http' || to.layer === 'root' || to.layer === 'cli')
      return 'A module may not import a surface, http/ or the composition root: they call the module, not the other way.';
  }
  if (from.layer === 'shared' && to.layer !== 'shared' && !(to.layer === 'storage' && typeOnly))
    return 'shared/ imports nothing of the domain or the layers above it (only the types of storage/ that Ctx names).';
  const below = {
    storage: ['shared', 'storage'],
    jobs: ['shared', 'storage', 'jobs'],
    outbox: ['shared', 'storage', 'jobs', 'outbox'],
    outbound: ['shared', 'outbound'],
  };
  if (from.layer in below && !below[from.layer].includes(to.layer) && to.layer !== 'outside')
    return `${from.layer}/ sits below the modules: it may import only ${below[from.layer].map((l) => `${l}/`).join(', ')}.`;
  return undefined;
}

const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the layers of ARCHITECTURE.md: surfaces, modules, outbox, jobs, storage, outbound, shared.' },
    messages: { refused: '{{reason}} ({{target}})' },
    schema: [],
  },
  create(context) {
    const root = `${context.cwd}${sep}src`;
    const file = context.filename;
    if (!file.startsWith(root + sep)) return {};
    const { files } = graphOf(root);
    const fromPath = relative(context.cwd, file);
    const from = placeOf(fromPath);
    return visitImports((node, specifier, typeOnly) => {
      const target = resolveImport(file, specifier, files);
      if (target === undefined) return;
      const toPath = relative(context.cwd, target);
      const reason = refusal(from, placeOf(toPath), fromPath, toPath, typeOnly);
      if (reason !== undefined) context.report({ node, messageId: 'refused', data: { reason, target: toPath } });
    });
  },
};

export default { meta: { name: 'aviso' }, rules: { 'no-import-cycle': noImportCycle, layering } };
