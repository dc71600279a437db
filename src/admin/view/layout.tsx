import type { ComponentChildren } from 'preact';
import type { Permission } from '../../modules/accounts/index.ts';
import { translator } from '../../i18n/translate.ts';
import { textDirection, type Locale } from '../../shared/locales.ts';
import type { AdminSession } from '../admin-session.ts';
import { AdminLanguageProvider } from './admin-i18n.tsx';
import { AdminNav, type Section } from './admin-nav.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';

export type { Section };

export interface LayoutProps {
  title: string;
  pageName: string;
  /** The language the screen is written in: the member's choice, else their browser's (admin-locale.ts). */
  locale: Locale;
  session: AdminSession | null;
  section?: Section;
  /** A confirmation shown once after a redirect. */
  notice?: string | undefined;
  can?: (permission: Permission) => boolean;
  /** Scripts of this screen only (Aviso's own files, after the admin's), e.g. the passkey script. */
  scripts?: readonly string[];
  children: ComponentChildren;
}

/** The screens that use passkeys load @simplewebauthn/browser's bundle and the passkey script. */
export const passkeyScripts = ['/admin/assets/webauthn.js', '/admin/assets/passkeys.js'] as const;

/**
 * The frame of every admin screen: skip link, header with navigation, one main landmark, in the
 * member's language and its direction; every view inside reads its words from `useT()`.
 */
export function Layout(props: LayoutProps) {
  const { session, locale } = props;
  const t = translator(locale);
  return (
    <AdminLanguageProvider locale={locale}>
      <html lang={locale} dir={textDirection(locale)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{t('admin.documentTitle', { screen: props.title, page: props.pageName })}</title>
          <link rel="stylesheet" href="/admin/assets/admin.css" />
          <script src="/admin/assets/admin.js" defer />
          <script src="/admin/assets/component-picker.js" defer></script>
          {props.scripts?.map((src) => (
            <script key={src} src={src} defer></script>
          ))}
        </head>
        <body>
          <a class="skip" href="#main">
            {t('admin.skip')}
          </a>
          <header class="bar">
            <div class="inner">
              <a class="brand" href={session ? '/admin' : '/'}>
                {t('admin.brand', { page: props.pageName })}
              </a>
              {session && <AdminNav session={session} section={props.section} can={props.can ?? (() => false)} />}
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {props.notice && (
              <p class="notice" role="status">
                {props.notice}
              </p>
            )}
            {props.children}
            {session && <ShortcutHelp canPost={props.can?.('post_incidents') ?? false} />}
          </main>
        </body>
      </html>
    </AdminLanguageProvider>
  );
}
