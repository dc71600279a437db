import type { ComponentChildren } from 'preact';
import type { Permission } from '../../modules/accounts/index.ts';
import type { AdminSession } from '../admin-session.ts';
import { CsrfField } from './form-fields.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';

export type Section =
  | 'dashboard'
  | 'incidents'
  | 'maintenances'
  | 'components'
  | 'templates'
  | 'settings'
  | 'team'
  | 'api-keys'
  | 'audit'
  | 'monitors'
  | 'alert-receivers'
  | 'jobs'
  | 'subscribers'
  | 'account'
  | 'none';

const sections: { key: Section; href: string; label: string; needs: Permission }[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard', needs: 'read' },
  { key: 'incidents', href: '/admin/incidents', label: 'Incidents', needs: 'read' },
  { key: 'maintenances', href: '/admin/maintenances', label: 'Maintenance', needs: 'read' },
  { key: 'components', href: '/admin/components', label: 'Components', needs: 'read' },
  { key: 'monitors', href: '/admin/monitors', label: 'Monitors', needs: 'read' },
  { key: 'alert-receivers', href: '/admin/alert-receivers', label: 'Alert receivers', needs: 'read' },
  { key: 'templates', href: '/admin/templates', label: 'Templates', needs: 'read' },
  { key: 'subscribers', href: '/admin/subscribers', label: 'Subscribers', needs: 'manage_page' },
  { key: 'settings', href: '/admin/settings', label: 'Page settings', needs: 'manage_page' },
  { key: 'team', href: '/admin/team', label: 'Team', needs: 'read' },
  { key: 'api-keys', href: '/admin/api-keys', label: 'API keys', needs: 'manage_api_keys' },
  { key: 'audit', href: '/admin/audit', label: 'Audit log', needs: 'read' },
  { key: 'jobs', href: '/admin/jobs', label: 'Jobs', needs: 'manage_page' },
];

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
            {session && (
              <nav class="main" aria-label="Admin">
                <ul>
                  {sections
                    .filter((s) => props.can?.(s.needs) ?? false)
                    .map((s) => (
                      <li key={s.key}>
                        <a href={s.href} aria-current={props.section === s.key ? 'page' : undefined}>
                          {s.label}
                        </a>
                      </li>
                    ))}
                  <li>
                    <a href="/">Public page</a>
                  </li>
                </ul>
              </nav>
            )}
            {session && (
              <form class="who" method="post" action="/admin/logout">
                <a href="/admin/account" aria-current={props.section === 'account' ? 'page' : undefined}>
                  {session.user.name} ({session.user.role})
                </a>
                <CsrfField token={session.csrfToken} />
                <button type="submit">Log out</button>
              </form>
            )}
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
