import type { ComponentChildren } from 'preact';
import type { MessageKey, Translator } from '../../i18n/translate.ts';

const marker = '\u2063';

/**
 * A message whose placeholders are marked up (a `<code>`, a link): messages hold no HTML, so the
 * message is formatted with a marker in each such placeholder and the parts are put back around them,
 * in whatever order the language puts them.
 */
export function MarkedUp({ t, id, parts }: { t: Translator; id: MessageKey; parts: Record<string, ComponentChildren> }) {
  const params = Object.fromEntries(Object.keys(parts).map((name) => [name, `${marker}${name}${marker}`]));
  const pieces = t(id, params).split(marker);
  return <>{pieces.map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? piece) : piece))}</>;
}
