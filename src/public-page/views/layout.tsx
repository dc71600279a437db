import type { ComponentChildren } from 'preact';
import { supportedLocales, textDirection } from '../../shared/locales.ts';
import { localeNames } from '../../i18n/negotiate-locale.ts';
import { formatZone } from '../../i18n/format-dates.ts';
import { IconSprite } from './status-icon.tsx';
import { webMessage } from '../../subscriptions-web/web-messages.ts';
import type { ViewContext } from './view-context.ts';
import type { PageSettings } from '../../modules/page/index.ts';

/** Which navigation entry the page belongs to; `other` (errors, subscribing) marks none. */
export type Section = 'current' | 'history' | 'uptime' | 'incident' | 'other';

/** The frame of every public page: landmarks, navigation, the language switcher and the footer. */
/**
 * The page's brand colours from its settings (links, and the header's background with white text on
 * it; both checked for WCAG AA contrast when saved), in the light scheme: the dark scheme keeps Aviso's
 * palette, which is made for it. Values are `#rrggbb`, validated by the settings schema.
 */
function brandStyle(colours: PageSettings['colours']): string | undefined {
  const rules = [
    ...(colours?.link !== undefined ? [`--link:${colours.link};--focus:${colours.link}`] : []),
    ...(colours?.headerBackground !== undefined ? [`--brand-header:${colours.headerBackground}`] : []),
  ];
  return rules.length === 0 ? undefined : `@media not (prefers-color-scheme: dark){:root{${rules.join(';')}}}`;
}

export function Layout({
  view,
  title,
  section,
  noIndex = false,
  children,
}: {
  view: ViewContext;
  title: string;
  section: Section;
  /** Pages of one visitor (a subscription's links) that search engines must not list. */
  noIndex?: boolean;
  children: ComponentChildren;
}) {
  const { t, page } = view;
  const enabled = supportedLocales.filter((l) => page.locales.includes(l));
  const navItem = (key: Section, href: string, label: string) => (
    <li>
      <a href={href} aria-current={section === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <html lang={view.locale} dir={textDirection(view.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        {noIndex && <meta name="robots" content="noindex" />}
        <title>{title}</title>
        <meta name="description" content={t('meta.description', { page: page.name })} />
        <link rel="stylesheet" href={view.assets.css} />
        {brandStyle(page.settings.colours) !== undefined && <style>{brandStyle(page.settings.colours)}</style>}
        <link rel="alternate" type="application/atom+xml" href="/history.atom" title={t('footer.atom')} />
        <link rel="alternate" type="application/rss+xml" href="/history.rss" title={t('footer.rss')} />
        {page.settings.faviconUrl !== undefined && <link rel="icon" href={page.settings.faviconUrl} />}
        <script src={view.assets.js} defer />
      </head>
      <body data-revision={String(page.revision)}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <IconSprite />
        <header class={page.settings.colours?.headerBackground !== undefined ? 'masthead branded' : 'masthead'}>
          <div class="wrap masthead-inner">
            <a class="brand" href="/">
              {page.settings.logoUrl !== undefined ? <img src={page.settings.logoUrl} alt={page.name} height="32" /> : page.name}
            </a>
            <nav aria-label={t('nav.label')}>
              <ul class="nav">
                {navItem('current', '/', t('nav.current'))}
                {navItem('history', '/history', t('nav.history'))}
                {navItem('uptime', '/uptime', t('nav.uptime'))}
              </ul>
            </nav>
            {page.settings.allowSubscribers !== false && (
              <a class="subscribe-button" href="/subscriptions/new">
                {webMessage(view.locale, 'subscribeLink')}
              </a>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="wrap footer">
          {enabled.length > 1 && (
            <form class="switcher" method="get" action={view.path}>
              {Object.entries(view.keep).map(([name, value]) => (
                <input type="hidden" name={name} value={value} />
              ))}
              <label for="locale">{t('language.label')}</label>
              <select id="locale" name="locale">
                {enabled.map((l) => (
                  <option value={l} lang={l} selected={l === view.locale}>
                    {localeNames[l]}
                  </option>
                ))}
              </select>
              <button type="submit">{t('language.apply')}</button>
            </form>
          )}
          {page.settings.allowSubscribers !== false && (
            <p>
              <a href="/subscriptions/new">{webMessage(view.locale, 'subscribeLink')}</a>
            </p>
          )}
          <p>
            {t('footer.feeds')}: <a href="/history.atom">{t('footer.atom')}</a> · <a href="/history.rss">{t('footer.rss')}</a>
          </p>
          <p>{t('footer.timeZone', { zone: formatZone(view.locale, page.timeZone, view.now) })}</p>
          <p class="powered">{t('footer.poweredBy', { product: 'Aviso' })}</p>
        </footer>
      </body>
    </html>
  );
}
