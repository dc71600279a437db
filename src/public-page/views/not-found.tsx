import { Layout } from './layout.tsx';
import type { ViewContext } from './view-context.ts';

/** An unknown incident, in the visitor's language, with the way back. */
export function IncidentNotFoundView({ view }: { view: ViewContext }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('notFound.incidentTitle')} section="incident">
      <h1>{t('notFound.incidentTitle')}</h1>
      <p>{t('notFound.incidentText')}</p>
      <p class="more">
        <a href="/">
          <span class="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('incident.back')}
        </a>
      </p>
    </Layout>
  );
}
