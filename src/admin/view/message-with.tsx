import { Fragment, type ComponentChildren } from 'preact';
import type { MessageKey, MessageParams, Translator } from '../../i18n/translate.ts';

const mark = '\uE000';

/**
 * A whole sentence from the catalogue with some placeholders filled by markup (`<strong>`, `<code>`,
 * a link), so each language keeps its own word order and the catalogue holds no HTML: the message
 * is formatted with a private-use marker around each such placeholder, and the parts are put back
 * between the markers.
 */
export function messageWith(
  t: Translator,
  key: MessageKey,
  params: MessageParams,
  parts: Record<string, ComponentChildren>,
): ComponentChildren {
  const markers = Object.fromEntries(Object.keys(parts).map((name) => [name, `${mark}${name}${mark}`]));
  const pieces = t(key, { ...params, ...markers }).split(mark);
  return pieces.map((piece, index) => (
    <Fragment key={index}>{index % 2 === 1 && Object.hasOwn(parts, piece) ? parts[piece] : piece}</Fragment>
  ));
}
