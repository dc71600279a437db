import type { ComponentChildren } from 'preact';
import type { Permission } from '../../modules/accounts/index.ts';
import type { AdminSession } from '../admin-session.ts';
import { AdminNav, type Section } from './admin-nav.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';

export type { Section };

export interface LayoutProps {
  title: string;
  pageName: string;
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

/** The frame of every admin screen: skip link, header with navigation, one main landmark. */
export function Layout(props: LayoutProps) {
  const { session } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${props.pageName} admin`}</title>
        <link rel="stylesheet" href="/admin/assets/admin.css" />
        <script src="/admin/assets/admin.js" defer />
        <script src="/admin/assets/component-picker.js" defer></script>
        {props.scripts?.map((src) => (
          <script key={src} src={src} defer></script>
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="bar">
          <div class="inner">
            <a class="brand" href={session ? '/admin' : '/'}>
              {props.pageName} admin
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
  );
}
