import type { Permission } from '../../modules/accounts/index.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useT } from './admin-i18n.tsx';
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
  label: MessageKey;
  needs: Permission;
}

/** The screens of an outage day, always in the bar. */
const primary: Link[] = [
  { key: 'dashboard', href: '/admin', label: 'admin.navDashboard', needs: 'read' },
  { key: 'incidents', href: '/admin/incidents', label: 'admin.navIncidents', needs: 'read' },
  { key: 'maintenances', href: '/admin/maintenances', label: 'admin.navMaintenance', needs: 'read' },
  { key: 'components', href: '/admin/components', label: 'admin.navComponents', needs: 'read' },
];

/** The screens of setting the page up, under "More". */
const more: Link[] = [
  { key: 'monitors', href: '/admin/monitors', label: 'admin.navMonitors', needs: 'read' },
  { key: 'alert-receivers', href: '/admin/alert-receivers', label: 'admin.navAlertReceivers', needs: 'read' },
  { key: 'templates', href: '/admin/templates', label: 'admin.navTemplates', needs: 'read' },
  { key: 'subscribers', href: '/admin/subscribers', label: 'admin.navSubscribers', needs: 'manage_page' },
  { key: 'settings', href: '/admin/settings', label: 'admin.navSettings', needs: 'manage_page' },
  { key: 'team', href: '/admin/team', label: 'admin.navTeam', needs: 'read' },
  { key: 'api-keys', href: '/admin/api-keys', label: 'admin.navApiKeys', needs: 'manage_api_keys' },
  { key: 'audit', href: '/admin/audit', label: 'admin.navAudit', needs: 'read' },
  { key: 'jobs', href: '/admin/jobs', label: 'admin.navJobs', needs: 'manage_page' },
];

function Links({ links, section }: { links: Link[]; section: Section | undefined }) {
  const t = useT();
  return (
    <>
      {links.map((s) => (
        <li key={s.key}>
          <a href={s.href} aria-current={section === s.key ? 'page' : undefined}>
            {t(s.label)}
          </a>
        </li>
      ))}
    </>
  );
}

function Account({ session, section }: { session: AdminSession; section: Section | undefined }) {
  const t = useT();
  return (
    <form class="who" method="post" action="/admin/logout">
      <a href="/admin/account" aria-current={section === 'account' ? 'page' : undefined}>
        {t('admin.whoAmI', { name: session.user.name, role: t(`role.${session.user.role}`) })}
      </a>
      <CsrfField token={session.csrfToken} />
      <button type="submit">{t('admin.logOut')}</button>
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
  const t = useT();
  const allowed = (links: Link[]) => links.filter((l) => props.can(l.needs));
  const inMore = allowed(more);
  const publicLink = (
    <li>
      <a href="/">{t('admin.navPublicPage')}</a>
    </li>
  );
  return (
    <>
      <nav class="main wide" aria-label={t('admin.navLabel')}>
        <ul>
          <Links links={allowed(primary)} section={section} />
          <li>
            <details class="more">
              <summary class={inMore.some((l) => l.key === section) ? 'current' : undefined}>{t('admin.navMore')}</summary>
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
          {t('admin.postIncident')}
        </a>
      )}
      <div class="wide">
        <Account session={session} section={section} />
      </div>
      <details class="menu narrow">
        <summary>{t('admin.navMenu')}</summary>
        <nav class="main" aria-label={t('admin.navLabel')}>
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
