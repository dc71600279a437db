import type { JsonAssertion } from '../monitor.ts';
import { parseJsonPath, selectJsonPath } from './json-path.ts';

const shownLength = 80;

/** Cut short: a reason names what was found without echoing a large answer. */
const cut = (text: string): string => (text.length > shownLength ? `${text.slice(0, shownLength)}…` : text);
const shown = (value: unknown): string => cut(JSON.stringify(value));

/** A string as itself, anything else as its JSON text, so `3`, `true` and `null` can be expected. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Whether an answer's body passes a JSON-path assertion: null when it does, else why not (the body
 * is not JSON, the path finds nothing, or the value found is not what was expected).
 */
export function failedJsonAssertion(body: Buffer, assertion: JsonAssertion): string | null {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return `the answer is not JSON, so ${assertion.path} cannot be read`;
  }
  const path = parseJsonPath(assertion.path);
  if (!path.ok) return `${assertion.path} ${path.problem}`;
  const selected = selectJsonPath(document, path.steps);
  if (!selected.found) return `${assertion.path} finds nothing in the answer`;
  const value = selected.value;
  const expected = cut(typeof value === 'string' ? JSON.stringify(assertion.expected) : assertion.expected);
  switch (assertion.comparison) {
    case 'equals':
      return asText(value) === assertion.expected ? null : `${assertion.path} is ${shown(value)}, expected ${expected}`;
    case 'not_equals':
      return asText(value) !== assertion.expected ? null : `${assertion.path} is ${shown(value)}, expected anything else`;
    case 'contains': {
      const contains = Array.isArray(value)
        ? value.some((item) => asText(item) === assertion.expected)
        : asText(value).includes(assertion.expected);
      return contains ? null : `${assertion.path} is ${shown(value)}, which does not contain ${cut(JSON.stringify(assertion.expected))}`;
    }
  }
}
