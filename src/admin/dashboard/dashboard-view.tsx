import type { Component } from '../../modules/components/index.ts';
import type { Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { CsrfField, FormAlert } from '../view/form-fields.tsx';
import { IncidentSummary, OpenIncidentFields } from '../incidents/incident-views.tsx';
import type { BrokenNow } from './broken-now.ts';
import { BrokenNowSection } from './broken-now-view.tsx';

export function Dashboard(props: {
  s: Screen;
  broken: BrokenNow;
  /** Scheduled maintenances that have not started yet. */
  upcoming: Incident[];
  components: Component[];
  form: FormState;
  /** Set-up problems visitors run into (email subscriptions without SMTP). */
  warnings: string[];
}) {
  const { s } = props;
  const t = s.t;
  return (
    <>
      <h1>{t('adminDashboard.title')}</h1>
      {props.warnings.map((warning) => (
        <p class="alert" role="alert">
          {warning}
        </p>
      ))}
      <BrokenNowSection s={s} broken={props.broken} />
      <section class="card" aria-labelledby="upcoming">
        <h2 id="upcoming" style="margin-top:0">
          {t('adminDashboard.upcoming')}
        </h2>
        {props.upcoming.length === 0 ? (
          <p>{t('adminDashboard.noneScheduled')}</p>
        ) : (
          <ul class="items">
            {props.upcoming.map((i) => (
              <IncidentSummary key={i.id} s={s} incident={i} />
            ))}
          </ul>
        )}
        <p>
          <a href="/">{t('adminDashboard.seePublicPage')}</a>
        </p>
      </section>
      {s.can('post_incidents') && (
        <section aria-labelledby="post">
          <h2 id="post">{t('adminDashboard.postIncident')}</h2>
          <FormAlert form={props.form} />
          <form method="post" action="/admin/incidents" class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <OpenIncidentFields form={props.form} components={props.components} full={false} />
            <button type="submit">{t('admin.postIncident')}</button>
          </form>
        </section>
      )}
    </>
  );
}
