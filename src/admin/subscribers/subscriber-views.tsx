import type { DeliveryRecord } from '../../modules/notifications/index.ts';
import type { Subscriber, SubscriberState } from '../../modules/subscribers/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

export interface ListModel {
  subscribers: Subscriber[];
  total: number;
  counts: Record<SubscriberState, number>;
  filter: { q: string; state: string; channel: string; page: number };
  pageSize: number;
}

const channelOptions = [
  ['email', 'Email'],
  ['webhook', 'Webhook'],
  ['slack', 'Slack'],
  ['discord', 'Discord'],
  ['teams', 'Microsoft Teams'],
] as const;

function scopeText(s: Subscriber): string {
  if (s.scope === 'incident') return `incident ${s.incidentId}`;
  if (s.scope === 'components') return `${s.componentIds.length} component(s)`;
  return 'whole page';
}

export function SubscriberList({
  s,
  model,
  addForm,
  importForm,
  imported,
}: {
  s: Screen;
  model: ListModel;
  addForm: FormState;
  importForm: FormState;
  imported?: string;
}) {
  const { counts, filter } = model;
  const pages = Math.max(1, Math.ceil(model.total / model.pageSize));
  const query = (page: number) =>
    `/admin/subscribers?${new URLSearchParams({ q: filter.q, state: filter.state, channel: filter.channel, page: String(page) })}`;
  return (
    <>
      <h1>Subscribers</h1>
      {imported !== undefined && (
        <p class="notice" role="status">
          {imported}
        </p>
      )}
      <p>
        {counts.active} active · {counts.unconfirmed} unconfirmed · {counts.quarantined} quarantined · {counts.unsubscribed} unsubscribed ·{' '}
        <a href="/admin/subscribers/export.csv" download>
          Export all as CSV
        </a>
      </p>
      <form method="get" action="/admin/subscribers" class="card" role="search">
        <Field name="q" label="Search addresses" form={{ values: { q: filter.q }, errors: {} }} />
        <Select
          name="state"
          label="State"
          form={{ values: { state: filter.state }, errors: {} }}
          options={[
            ['', 'Any'],
            ['active', 'Active'],
            ['unconfirmed', 'Unconfirmed'],
            ['quarantined', 'Quarantined'],
            ['unsubscribed', 'Unsubscribed'],
          ]}
        />
        <Select
          name="channel"
          label="Channel"
          form={{ values: { channel: filter.channel }, errors: {} }}
          options={[['', 'Any'], ...channelOptions]}
        />
        <button type="submit">Search</button>
      </form>
      {model.subscribers.length === 0 ? (
        <p>No subscribers match.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Subscribers">
          <table>
            <caption class="sr-only">Subscribers, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Channel</th>
                <th scope="col">State</th>
                <th scope="col">Follows</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {model.subscribers.map((sub) => (
                <tr key={sub.id}>
                  <td>
                    <a href={`/admin/subscribers/${sub.id}`}>{sub.address}</a>
                  </td>
                  <td>{sub.channel}</td>
                  <td>{sub.state}</td>
                  <td>{scopeText(sub)}</td>
                  <td>{formatTime(sub.createdAt, s.page.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Subscriber pages">
          {filter.page > 1 && <a href={query(filter.page - 1)}>Previous</a>} Page {filter.page} of {pages}{' '}
          {filter.page < pages && <a href={query(filter.page + 1)}>Next</a>}
        </nav>
      )}
      <h2>Add a subscriber</h2>
      <FormAlert form={addForm} />
      <form method="post" action="/admin/subscribers" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Select name="channel" label="Channel" form={addForm} initial="email" options={channelOptions} />
        <Field name="address" label="Email address or endpoint URL" form={addForm} required />
        <Checkbox name="skipConfirmation" label="Skip the confirmation email (the address already agreed)" form={addForm} />
        <button type="submit">Add subscriber</button>
      </form>
      <h2>Import from CSV</h2>
      <FormAlert form={importForm} />
      <form method="post" action="/admin/subscribers/import" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <TextArea
          name="csv"
          label="CSV"
          form={importForm}
          rows={6}
          hint="A header row with an address column, and optionally channel, component_ids (separated by spaces) and locale. Imported addresses are active at once."
        />
        <button type="submit">Import</button>
      </form>
    </>
  );
}

export function SubscriberDetail({ s, subscriber, deliveries }: { s: Screen; subscriber: Subscriber; deliveries: DeliveryRecord[] }) {
  const action = (path: string, label: string, danger = false) => (
    <form method="post" action={`/admin/subscribers/${subscriber.id}/${path}`}>
      <CsrfField token={s.session.csrfToken} />
      <button type="submit" class={danger ? 'danger' : undefined}>
        {label}
      </button>
    </form>
  );
  const tz = s.page.timeZone;
  return (
    <>
      <h1>{subscriber.address}</h1>
      <dl>
        <dt>Channel</dt>
        <dd>{subscriber.channel}</dd>
        <dt>State</dt>
        <dd>{subscriber.state}</dd>
        <dt>Follows</dt>
        <dd>{scopeText(subscriber)}</dd>
        <dt>Language</dt>
        <dd>{subscriber.locale}</dd>
        {subscriber.signingSecret !== null && (
          <>
            <dt>Signing secret</dt>
            <dd>
              <code>{subscriber.signingSecret}</code>
            </dd>
          </>
        )}
        {subscriber.notifyEmail !== null && (
          <>
            <dt>Failure notices to</dt>
            <dd>{subscriber.notifyEmail}</dd>
          </>
        )}
        {subscriber.lastError !== null && (
          <>
            <dt>Last error</dt>
            <dd>{subscriber.lastError}</dd>
          </>
        )}
        {subscriber.purgeAt !== null && (
          <>
            <dt>Removed on</dt>
            <dd>{formatTime(subscriber.purgeAt, tz)}</dd>
          </>
        )}
      </dl>
      {subscriber.state === 'unconfirmed' && action('resend', 'Resend the confirmation email')}
      {(subscriber.state === 'quarantined' || subscriber.state === 'unsubscribed') && action('reactivate', 'Reactivate')}
      {action('remove', 'Remove this subscriber', true)}
      <h2>Delivery log</h2>
      {deliveries.length === 0 ? (
        <p>Nothing has been sent to this subscriber yet.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Delivery log">
          <table>
            <caption class="sr-only">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Channel</th>
                <th scope="col">Outcome</th>
                <th scope="col">Attempts</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatTime(d.sentAt ?? d.updatedAt, tz)}</td>
                  <td>{d.eventKind}</td>
                  <td>{d.channel}</td>
                  <td>{d.status}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/admin/subscribers">All subscribers</a>
      </p>
    </>
  );
}
