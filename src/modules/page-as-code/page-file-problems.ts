import { isMap, isSeq, isScalar, type Document, type LineCounter } from 'yaml';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';

export type FilePath = (string | number)[];

/** Where things are in the file, so every problem can be reported as `line N: reason`. */
export interface FilePositions {
  lineOf(path: FilePath): number;
}

/** The line of the deepest part of `path` that exists in the document (a key's line for a mapping entry). */
export function positionsOf(doc: Document, lineCounter: LineCounter): FilePositions {
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  return {
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = isScalar(node) || isMap(node) || isSeq(node) ? lineAt(node.range?.[0] ?? 0) : 1;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
          if (pair === undefined) break;
          if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item: unknown = node.items[segment];
          if (item === undefined) break;
          if ((isScalar(item) || isMap(item) || isSeq(item)) && item.range) line = lineAt(item.range[0]);
          node = item;
        } else break;
      }
      return line;
    },
  };
}

export function formatPath(path: FilePath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Collects every problem in a file before refusing it, so one run reports them all. */
export class FileProblems {
  readonly #list: { line: number; message: string }[] = [];
  constructor(private readonly positions: FilePositions) {}

  add(path: FilePath, message: string): void {
    const where = formatPath(path);
    this.addAtLine(this.positions.lineOf(path), where === '' ? message : `${where}: ${message}`);
  }

  lineOf(path: FilePath): number {
    return this.positions.lineOf(path);
  }

  addAtLine(line: number, message: string): void {
    this.#list.push({ line, message });
  }

  get count(): number {
    return this.#list.length;
  }

  throwIfAny(): void {
    if (this.#list.length === 0) return;
    const sorted = [...this.#list].sort((a, b) => a.line - b.line);
    const details: ErrorDetail[] = sorted.map((p) => ({ path: `line ${p.line}`, message: p.message }));
    const lines = details.map((d) => `  ${d.path}: ${d.message}`).join('\n');
    throw new AppError('page_file_invalid', `The page file is not valid; nothing was changed.\n${lines}`, details);
  }
}
