import { t } from '../../../i18n/translate.ts';
import type { Delivery } from '../channel.ts';

/** The lines every chat message shares: status and text, affected components, the link. */
export function chatLines(delivery: Delivery): { heading: string; text: string; components: string; link: string } {
  const { content, locale } = delivery;
  const heading = content.statusLabel === null ? content.title : `${content.title} (${content.statusLabel})`;
  const components =
    content.components.length === 0
      ? ''
      : `${t(locale, 'notify.affectedComponents')}: ${content.components.map((c) => `${c.name} (${c.statusLabel})`).join(', ')}`;
  const text = [content.intro ?? '', content.body, content.when ?? ''].filter((line) => line !== '').join('\n');
  return { heading, text, components, link: content.link?.url ?? '' };
}

export const chatTimeoutMs = 15_000;
