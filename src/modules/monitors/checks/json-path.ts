/**
 * The JSON paths a monitor understands: `$` followed by `.name`, `['name']` (or `["name"]`) and
 * `[index]`, nothing else. No filters, wildcards or script expressions: a path only walks down.
 */
export type JsonPathStep = { name: string } | { index: number };

export type ParsedJsonPath = { ok: true; steps: JsonPathStep[] } | { ok: false; problem: string };

const maxSteps = 50;
// RFC 9535's member-name-shorthand: a letter, `_` or a non-ASCII character, then digits too.
const shorthand = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_\u0080-\uFFFF]*/;
const index = /^(0|[1-9][0-9]{0,8})\]/;
const usage = "use $ followed by .name, ['name'] or [index]";

export function parseJsonPath(text: string): ParsedJsonPath {
  if (!text.startsWith('$')) return { ok: false, problem: `must start with $ (${usage})` };
  const steps: JsonPathStep[] = [];
  let at = 1;
  const fail = (what: string): ParsedJsonPath => ({ ok: false, problem: `${what} at character ${at + 1} (${usage})` });
  while (at < text.length) {
    if (steps.length === maxSteps) return { ok: false, problem: `has more than ${maxSteps} steps` };
    const rest = text.slice(at);
    if (rest.startsWith('.')) {
      const name = shorthand.exec(rest.slice(1))?.[0];
      if (name === undefined) return fail(rest.startsWith('..') ? 'has a descendant step (..), which is not supported,' : 'needs a name');
      steps.push({ name });
      at += 1 + name.length;
    } else if (rest.startsWith("['") || rest.startsWith('["')) {
      const quoted = readQuoted(rest.slice(1));
      if (quoted === null) return fail('has a quoted name that is not closed with its quote and ]');
      steps.push({ name: quoted.name });
      at += 1 + quoted.length;
    } else if (rest.startsWith('[')) {
      const digits = index.exec(rest.slice(1))?.[1];
      if (digits === undefined) return fail('has a bracket that holds neither a quoted name nor an index from 0');
      steps.push({ index: Number(digits) });
      at += 2 + digits.length;
    } else {
      return fail(`has "${rest[0]}"`);
    }
  }
  return { ok: true, steps };
}

/** `'name']` or `"name"]`, with `\\` and the quote escaped by a backslash; its name and length. */
function readQuoted(text: string): { name: string; length: number } | null {
  const quote = text[0]!;
  let name = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== quote && next !== '\\') return null;
      name += next;
      i++;
    } else if (c === quote) {
      return text[i + 1] === ']' ? { name, length: i + 2 } : null;
    } else {
      name += c;
    }
  }
  return null;
}

/** What the steps reach in a parsed JSON value; `found: false` when a step has nothing to walk into. */
export function selectJsonPath(value: unknown, steps: readonly JsonPathStep[]): { found: true; value: unknown } | { found: false } {
  let current = value;
  for (const step of steps) {
    if ('index' in step) {
      if (!Array.isArray(current) || step.index >= current.length) return { found: false };
      current = current[step.index] as unknown;
    } else {
      // Own properties only: `__proto__` or `constructor` in a path never reach Object's.
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step.name))
        return { found: false };
      current = (current as Record<string, unknown>)[step.name];
    }
  }
  return { found: true, value: current };
}
