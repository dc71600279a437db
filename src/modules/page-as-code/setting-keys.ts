/** Page settings are stored camelCase (as the page module defines them) and written snake_case in files. */
export function snakeKeys(value: unknown): unknown {
  return mapKeys(value, (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

export function camelKeys(value: unknown): unknown {
  return mapKeys(value, (k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}

/** The same value with object keys in alphabetical order, so exports do not depend on storage order. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), mapKeys(v, rename)]));
}
