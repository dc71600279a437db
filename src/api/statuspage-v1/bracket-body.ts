/**
 * Turns a form body (`incident[name]=x&incident[components][abc]=major_outage&incident[component_ids][]=a`)
 * into the nested object a JSON client would send, as Rails-style clients of Statuspage expect.
 * Values stay strings; the request schemas coerce them.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
type FormObject = { [key: string]: FormValue };

// Keys are capped so a hostile body cannot build a deep or wide tree.
const maxDepth = 8;
const maxPairs = 1000;

export class FormBodyError extends Error {}

function parseKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (match === null) throw new FormBodyError(`The form field "${key}" is not understood.`);
  const parts = [match[1]!];
  for (const piece of match[2]!.matchAll(/\[([^[\]]*)\]/g)) parts.push(piece[1]!);
  if (parts.length > maxDepth) throw new FormBodyError(`The form field "${key}" is nested too deeply.`);
  return parts;
}

function isForbidden(part: string): boolean {
  return part === '__proto__' || part === 'constructor' || part === 'prototype';
}

function assign(target: FormObject, parts: string[], value: string, key: string): void {
  let node: FormObject | FormValue[] = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (isForbidden(part)) throw new FormBodyError(`The form field "${key}" is not allowed.`);
    if (Array.isArray(node)) {
      if (part !== '') throw new FormBodyError(`The form field "${key}" mixes a list and named keys.`);
      if (last) {
        node.push(value);
        return;
      }
      // `a[][b]=1` starts a new object in the list, as Rack does.
      const child: FormObject = Object.create(null) as FormObject;
      node.push(child);
      node = child;
      continue;
    }
    if (part === '') throw new FormBodyError(`The form field "${key}" has an empty name.`);
    if (last) {
      node[part] = value;
      return;
    }
    const next = parts[i + 1]!;
    let child: FormValue | undefined = node[part];
    if (child === undefined || typeof child === 'string') {
      child = next === '' ? [] : (Object.create(null) as FormObject);
      node[part] = child;
    } else if (Array.isArray(child) !== (next === '')) {
      throw new FormBodyError(`The form field "${key}" mixes a list and named keys.`);
    }
    node = child;
  }
}

/** Parses an `application/x-www-form-urlencoded` body with bracketed keys. */
export function parseBracketForm(body: string): FormObject {
  const result: FormObject = Object.create(null) as FormObject;
  const params = new URLSearchParams(body);
  let count = 0;
  for (const [key, value] of params) {
    if (++count > maxPairs) throw new FormBodyError(`A form may have at most ${maxPairs} fields.`);
    assign(result, parseKey(key), value, key);
  }
  return JSON.parse(JSON.stringify(result)) as FormObject;
}
