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
  children: ComponentChildren;
}

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
