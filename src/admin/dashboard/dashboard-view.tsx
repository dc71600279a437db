import type { Component, OverallStatus } from '../../modules/components/index.ts';
import type { Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { CsrfField, FormAlert } from '../view/form-fields.tsx';
import { IncidentSummary, OpenIncidentFields } from '../incidents/incident-views.tsx';
import { StatusBadge } from '../components/component-views.tsx';

export function Dashboard(props: {
  s: Screen;
  overall: OverallStatus;
  components: Component[];
  open: Incident[];
  maintenances: Incident[];
  form: FormState;
  /** Set-up problems visitors run into (email subscriptions without SMTP). */
  warnings: string[];
}) {
  const { s } = props;
  const degraded = props.components.filter((c) => !c.isGroup && c.status !== 'operational');
  return (
    <>
      <h1>Dashboard</h1>
      {props.warnings.map((warning) => (
        <p class="alert" role="alert">
          {warning}
        </p>
      ))}
      <div class="grid two">
        <section class="card" aria-labelledby="now">
          <h2 id="now" style="margin-top:0">
            Current status
          </h2>
          <p class={`overall i-${props.overall.indicator}`}>{props.overall.description}</p>
          {degraded.length > 0 && (
            <ul>
              {degraded.map((c) => (
                <li key={c.id}>
                  {c.name} <StatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/">See the public page</a>
          </p>
        </section>
        <section class="card" aria-labelledby="open">
          <h2 id="open" style="margin-top:0">
            Open incidents
          </h2>
          {props.open.length === 0 ? (
            <p>None. All quiet.</p>
          ) : (
            <ul class="items">
              {props.open.map((i) => (
                <IncidentSummary key={i.id} s={s} incident={i} />
              ))}
            </ul>
          )}
          <h2>Upcoming and active maintenance</h2>
          {props.maintenances.length === 0 ? (
            <p>None scheduled.</p>
          ) : (
            <ul class="items">
              {props.maintenances.map((i) => (
                <IncidentSummary key={i.id} s={s} incident={i} />
              ))}
            </ul>
          )}
        </section>
      </div>
      {s.can('post_incidents') && (
        <section aria-labelledby="post">
          <h2 id="post">Post an incident</h2>
          <FormAlert form={props.form} />
          <form method="post" action="/admin/incidents" class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <OpenIncidentFields form={props.form} components={props.components} full={false} />
            <button type="submit">Post incident</button>
          </form>
        </section>
      )}
    </>
  );
}
