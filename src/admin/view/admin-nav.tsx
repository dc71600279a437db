import type { Permission } from '../../modules/accounts/index.ts';
import type { AdminSession } from '../admin-session.ts';
import { CsrfField } from './form-fields.tsx';

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

interface Link {
  key: Section;
  href: string;
  label: string;
  needs: Permission;
}

/** The screens of an outage day, always in the bar. */
const primary: Link[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard', needs: 'read' },
  { key: 'incidents', href: '/admin/incidents', label: 'Incidents', needs: 'read' },
  { key: 'maintenances', href: '/admin/maintenances', label: 'Maintenance', needs: 'read' },
  { key: 'components', href: '/admin/components', label: 'Components', needs: 'read' },
];

/** The screens of setting the page up, under "More". */
const more: Link[] = [
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

function Links({ links, section }: { links: Link[]; section: Section | undefined }) {
  return (
    <>
      {links.map((s) => (
        <li key={s.key}>
          <a href={s.href} aria-current={section === s.key ? 'page' : undefined}>
            {s.label}
          </a>
        </li>
      ))}
    </>
  );
}

function Account({ session, section }: { session: AdminSession; section: Section | undefined }) {
  return (
    <form class="who" method="post" action="/admin/logout">
      <a href="/admin/account" aria-current={section === 'account' ? 'page' : undefined}>
        {session.user.name} ({session.user.role})
      </a>
      <CsrfField token={session.csrfToken} />
      <button type="submit">Log out</button>
    </form>
  );
}

/**
 * The bar's navigation, drawn twice because neither needs JS: on a wide screen one row with the
 * setup screens under "More", on a narrow one a "Menu" that opens the whole list. CSS shows one;
 * "Post incident", the on-call action, stays outside both so a phone always shows it.
 */
export function AdminNav(props: { session: AdminSession; section: Section | undefined; can: (permission: Permission) => boolean }) {
  const { session, section } = props;
  const allowed = (links: Link[]) => links.filter((l) => props.can(l.needs));
  const inMore = allowed(more);
  const publicLink = (
    <li>
      <a href="/">Public page</a>
    </li>
  );
  return (
    <>
      <nav class="main wide" aria-label="Admin">
        <ul>
          <Links links={allowed(primary)} section={section} />
          <li>
            <details class="more">
              <summary class={inMore.some((l) => l.key === section) ? 'current' : undefined}>More</summary>
              <ul>
                <Links links={inMore} section={section} />
                {publicLink}
              </ul>
            </details>
          </li>
        </ul>
      </nav>
      {props.can('post_incidents') && (
        <a class="button post" href="/admin/incidents/new">
          Post incident
        </a>
      )}
      <div class="wide">
        <Account session={session} section={section} />
      </div>
      <details class="menu narrow">
        <summary>Menu</summary>
        <nav class="main" aria-label="Admin">
          <ul>
            <Links links={[...allowed(primary), ...inMore]} section={section} />
            {publicLink}
          </ul>
          <Account session={session} section={section} />
        </nav>
      </details>
    </>
  );
}
