// The import graph of src/, type-only and dynamic imports included, for the cycle and layering rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const sourceFile = /\.(ts|tsx)$/;

function listSources(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...listSources(path));
    else if (sourceFile.test(entry)) found.push(path);
  }
  return found;
}

/** The file a relative specifier names, when it is one of the given files; undefined for packages. */
export function resolveImport(fromFile, specifier, files) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(fromFile), specifier);
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')]) if (files.has(candidate)) return candidate;
  return undefined;
}

/** Every source file under `root` with the source files it imports. */
export function buildImportGraph(root) {
  const files = new Set(listSources(root));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((f) => resolveImport(file, f.fileName, files)).filter((t) => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components of the graph that are cycles: file → component number (Tarjan). */
export function cyclicComponents(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const componentOf = new Map();
  let next = 0;
  let components = 0;
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), index.get(target)));
    }
    if (low.get(file) !== index.get(file)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    if (members.length > 1 || (graph.get(file) ?? []).includes(file)) {
      for (const m of members) componentOf.set(m, components);
      components++;
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return componentOf;
}

/** The shortest chain of imports from `from` to `to` (both included), or undefined when there is none. */
export function importPath(graph, from, to) {
  const previous = new Map([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === to) {
      const path = [];
      for (let f = to; f !== undefined; f = previous.get(f)) path.unshift(f);
      return path;
    }
    for (const target of graph.get(file) ?? []) {
      if (previous.has(target)) continue;
      previous.set(target, file);
      queue.push(target);
    }
  }
  return undefined;
}
