/** How deep a JSON body may nest (objects and arrays); deeper bodies are refused before any handler. */
export const maxBodyDepth = 32;
/** How deep free-form `metadata` may nest, and how large it may be as JSON. */
export const maxMetadataDepth = 10;
export const maxMetadataBytes = 16 * 1024;

/**
 * Whether a parsed JSON value nests deeper than `limit` levels. Walks with its own stack, so a value
 * nested 100,000 levels is measured without exhausting the call stack.
 */
export function isDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
