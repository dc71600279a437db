import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { pageSettingsSchema } from '../page/index.ts';
import { FileProblems, positionsOf, type FilePath, type FilePositions } from './page-file-problems.ts';
import {
  componentSchema,
  groupSchema,
  pageFileSchema,
  type ComponentInput,
  type GroupInput,
  type PageFileInput,
} from './page-file-schema.ts';
import { camelKeys, snakeKeys, sortedKeys } from './setting-keys.ts';

export interface ParsedPageFile {
  data: PageFileInput;
  positions: FilePositions;
}

/**
 * Reads a page file: YAML syntax, then the schema, reporting every problem with its line at once
 * as `page_file_invalid`. References between objects are checked later, against the database too.
 */
export function parsePageFile(text: string): ParsedPageFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = positionsOf(doc, lineCounter);
  const problems = new FileProblems(positions);
  for (const error of doc.errors) {
    const reason = error.message.replace(/ at line \d+, column \d+.*$/s, '');
    problems.addAtLine(lineCounter.linePos(error.pos[0]).line, `YAML syntax: ${reason}`);
  }
  problems.throwIfAny();
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    problems.addAtLine(1, 'the file is empty; it needs at least `version` and `page`');
    problems.throwIfAny();
  }

  const top = pageFileSchema.safeParse(raw, { reportInput: true });
  if (!top.success) addIssues(problems, [], top.error.issues);
  const components: (ComponentInput | GroupInput)[] = [];
  // Checked even when the rest of the file is not valid, so one run reports every problem.
  const listed = typeof raw === 'object' && raw !== null && 'components' in raw ? raw.components : undefined;
  const items: unknown[] = Array.isArray(listed) ? listed : [];
  items.forEach((item, index) => {
    const isGroup = typeof item === 'object' && item !== null && 'components' in item;
    const result = (isGroup ? groupSchema : componentSchema).safeParse(item, { reportInput: true });
    if (result.success) components.push(result.data);
    else addIssues(problems, ['components', index], result.error.issues);
  });
  if (top.success) {
    const settings = pageSettingsSchema.safeParse(camelKeys(top.data.page.settings), { reportInput: true });
    if (!settings.success) addIssues(problems, ['page', 'settings'], settings.error.issues, true);
    else top.data.page.settings = sortedKeys(snakeKeys(settings.data)) as Record<string, unknown>;
  }
  problems.throwIfAny();
  return { data: { ...top.data!, components }, positions };
}

function addIssues(problems: FileProblems, prefix: FilePath, issues: z.core.$ZodIssue[], camelPath = false): void {
  for (const issue of issues) {
    const path = [
      ...prefix,
      ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : camelPath && typeof s === 'string' ? snakeKey(s) : s)),
    ];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.add([...path, camelPath ? snakeKey(key) : key], 'is not a known field');
      continue;
    }
    problems.add(path, readableMessage(issue));
  }
}

function readableMessage(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type' && input === undefined) return 'is required';
  if (issue.code === 'invalid_value' && (typeof input === 'string' || typeof input === 'number'))
    return `${issue.message} (got ${JSON.stringify(input)})`;
  return issue.message;
}

function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
