import { textDirection, type Locale } from '../../../shared/locales.ts';
import { t } from '../../../i18n/translate.ts';
import type { NotificationContent } from './notification-content.ts';
import { markdownToText, renderMarkdown } from '../../../shared/markdown.ts';

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Plain text and HTML parts of one email, in the subscriber's language. The operator's Markdown is
 * rendered by the page's own safe renderer (raw HTML off) in the HTML part, and read out as plain
 * text in the text part; Aviso's own text is escaped.
 */
export function renderEmail(content: NotificationContent, locale: Locale, links: { manage: string; unsubscribe: string }): EmailBody {
  const text: string[] = [content.title];
  const plainBody = content.markdown ? markdownToText(content.body) : content.body;
  if (content.intro !== null) text.push(content.statusLabel === null ? content.intro : `${content.statusLabel} - ${content.intro}`);
  if (content.statusLabel !== null && content.intro === null)
    text.push(`${content.statusLabel}${plainBody === '' ? '' : ` - ${plainBody}`}`);
  else if (plainBody !== '') text.push(plainBody);
  if (content.when !== null) text.push(content.when);
  if (content.components.length > 0)
    text.push(`${t(locale, 'notify.affectedComponents')}:\n${content.components.map((c) => `- ${c.name}: ${c.statusLabel}`).join('\n')}`);
  if (content.link !== null) text.push(`${content.link.label}: ${content.link.url}`);
  if (content.aside !== null) text.push(content.aside);
  if (content.hasSubscriptionLinks) {
    text.push(
      `--\n${t(locale, 'notify.footerReason', { page: content.pageName })}\n${t(locale, 'notify.manageSubscription')}: ${links.manage}\n${t(locale, 'notify.unsubscribe')}: ${links.unsubscribe}`,
    );
  }
  const paragraphs = (body: string) =>
    body
      .split(/\n{2,}/)
      .map((p) => `<p style="margin:0 0 12px">${escape(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
  // Mail clients ignore logical CSS properties: the direction is set with `dir`, and the list's indent on the side it starts.
  const dir = textDirection(locale);
  const start = dir === 'rtl' ? 'right' : 'left';
  const html = [
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>`,
    `<body dir="${dir}" style="margin:0;padding:24px;background:#f5f6f8;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2933">`,
    `<div dir="${dir}" style="max-width:600px;margin:0 auto;text-align:${start};background:#fff;border-radius:6px;border-top:4px solid ${content.colour};padding:24px">`,
    `<p style="margin:0 0 8px;color:#52606d;font-size:14px">${escape(content.pageName)}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px">${escape(content.title)}</h1>`,
    content.statusLabel === null ? '' : `<p style="margin:0 0 12px"><strong>${escape(content.statusLabel)}</strong></p>`,
    content.intro === null ? '' : paragraphs(content.intro),
    content.body === ''
      ? ''
      : content.markdown
        ? `<div style="margin:0 0 12px;line-height:1.5">${renderMarkdown(content.body, 2)}</div>`
        : paragraphs(content.body),
    content.when === null ? '' : `<p style="margin:0 0 12px;color:#52606d;font-size:14px">${escape(content.when)}</p>`,
    content.components.length === 0
      ? ''
      : `<p style="margin:16px 0 4px"><strong>${escape(t(locale, 'notify.affectedComponents'))}</strong></p><ul style="margin:0 0 12px;padding-${start}:20px">${content.components.map((c) => `<li>${escape(c.name)}: ${escape(c.statusLabel)}</li>`).join('')}</ul>`,
    content.link === null
      ? ''
      : `<p style="margin:20px 0"><a href="${escape(content.link.url)}" style="background:#1f6feb;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escape(content.link.label)}</a></p>`,
    content.aside === null ? '' : `<p style="margin:0 0 12px;color:#52606d;font-size:14px">${escape(content.aside)}</p>`,
    content.hasSubscriptionLinks
      ? `<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px"><p style="margin:0;color:#52606d;font-size:13px">${escape(t(locale, 'notify.footerReason', { page: content.pageName }))}<br><a href="${escape(links.manage)}">${escape(t(locale, 'notify.manageSubscription'))}</a> · <a href="${escape(links.unsubscribe)}">${escape(t(locale, 'notify.unsubscribe'))}</a></p>`
      : '',
    '</div></body></html>',
  ].join('');
  return { subject: content.subject, text: text.join('\n\n') + '\n', html };
}
