import { localeNames } from '../../i18n/negotiate-locale.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { DeliveryRecord } from '../../modules/notifications/index.ts';
import type { Channel, Subscriber, SubscriberState } from '../../modules/subscribers/index.ts';
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

/** Each channel's name: Slack, Discord and Microsoft Teams are products, named as they name themselves. */
function channelOptions(t: Translator): [Channel, string][] {
  return [
    ['email', t('adminSubscribers.channelEmail')],
    ['webhook', t('adminSubscribers.channelWebhook')],
    ['slack', 'Slack'],
    ['discord', 'Discord'],
    ['teams', 'Microsoft Teams'],
  ];
}

function channelLabel(t: Translator, channel: Channel): string {
  return channelOptions(t).find(([value]) => value === channel)?.[1] ?? channel;
}

/** A state as the table shows it, in lower case in English ("active"). */
function stateLabel(t: Translator, state: SubscriberState): string {
  return t(`adminSubscribers.state${capitalised(state)}`);
}

/** A delivery's outcome as the delivery log shows it, in lower case in English ("sent"). */
function outcomeLabel(t: Translator, status: DeliveryRecord['status']): string {
  return t(`adminSubscribers.outcome${capitalised(status)}`);
}

function capitalised<T extends string>(word: T): Capitalize<T> {
  return (word.charAt(0).toUpperCase() + word.slice(1)) as Capitalize<T>;
}

function scopeText(t: Translator, s: Subscriber): string {
  if (s.scope === 'incident') return t('adminSubscribers.followsIncident', { id: s.incidentId ?? '' });
  if (s.scope === 'components') return t('adminSubscribers.followsComponents', { count: s.componentIds.length });
  return t('adminSubscribers.followsPage');
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
  const t = s.t;
  const { counts, filter } = model;
  const pages = Math.max(1, Math.ceil(model.total / model.pageSize));
  const query = (page: number) =>
    `/admin/subscribers?${new URLSearchParams({ q: filter.q, state: filter.state, channel: filter.channel, page: String(page) })}`;
  return (
    <>
      <h1>{t('adminSubscribers.title')}</h1>
      {imported !== undefined && (
        <p class="notice" role="status">
          {imported}
        </p>
      )}
      <p>
        {t('adminSubscribers.counts', { ...counts })} ·{' '}
        <a href="/admin/subscribers/export.csv" download>
          {t('adminSubscribers.exportCsv')}
        </a>
      </p>
      <form method="get" action="/admin/subscribers" class="card" role="search">
        <Field name="q" label={t('adminSubscribers.searchAddresses')} form={{ values: { q: filter.q }, errors: {} }} />
        <Select
          name="state"
          label={t('adminSubscribers.state')}
          form={{ values: { state: filter.state }, errors: {} }}
          options={[
            ['', t('adminSubscribers.any')],
            ['active', t('adminSubscribers.filterActive')],
            ['unconfirmed', t('adminSubscribers.filterUnconfirmed')],
            ['quarantined', t('adminSubscribers.filterQuarantined')],
            ['unsubscribed', t('adminSubscribers.filterUnsubscribed')],
          ]}
        />
        <Select
          name="channel"
          label={t('adminSubscribers.channel')}
          form={{ values: { channel: filter.channel }, errors: {} }}
          options={[['', t('adminSubscribers.any')], ...channelOptions(t)]}
        />
        <button type="submit">{t('adminSubscribers.search')}</button>
      </form>
      {model.subscribers.length === 0 ? (
        <p>{t('adminSubscribers.noneMatch')}</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('adminSubscribers.title')}>
          <table>
            <caption class="sr-only">{t('adminSubscribers.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminSubscribers.address')}</th>
                <th scope="col">{t('adminSubscribers.channel')}</th>
                <th scope="col">{t('adminSubscribers.state')}</th>
                <th scope="col">{t('adminSubscribers.follows')}</th>
                <th scope="col">{t('adminSubscribers.since')}</th>
              </tr>
            </thead>
            <tbody>
              {model.subscribers.map((sub) => (
                <tr key={sub.id}>
                  <td>
                    <a href={`/admin/subscribers/${sub.id}`}>{sub.address}</a>
                  </td>
                  <td>{channelLabel(t, sub.channel)}</td>
                  <td>{stateLabel(t, sub.state)}</td>
                  <td>{scopeText(t, sub)}</td>
                  <td>{formatTime(sub.createdAt, s.page.timeZone, s.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('adminSubscribers.pagesLabel')}>
          {filter.page > 1 && <a href={query(filter.page - 1)}>{t('adminSubscribers.previous')}</a>}{' '}
          {t('adminSubscribers.pageOf', { page: filter.page, pages })}{' '}
          {filter.page < pages && <a href={query(filter.page + 1)}>{t('adminSubscribers.next')}</a>}
        </nav>
      )}
      <h2>{t('adminSubscribers.addTitle')}</h2>
      <FormAlert form={addForm} />
      <form method="post" action="/admin/subscribers" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Select name="channel" label={t('adminSubscribers.channel')} form={addForm} initial="email" options={channelOptions(t)} />
        <Field name="address" label={t('adminSubscribers.addressLabel')} form={addForm} required />
        <Checkbox name="skipConfirmation" label={t('adminSubscribers.skipConfirmation')} form={addForm} />
        <button type="submit">{t('adminSubscribers.add')}</button>
      </form>
      <h2>{t('adminSubscribers.importTitle')}</h2>
      <FormAlert form={importForm} />
      <form method="post" action="/admin/subscribers/import" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <TextArea
          name="csv"
          label="CSV"
          form={importForm}
          rows={6}
          hint={t('adminSubscribers.importHint', {
            address: 'address',
            channel: 'channel',
            componentIds: 'component_ids',
            locale: 'locale',
          })}
        />
        <button type="submit">{t('adminSubscribers.import')}</button>
      </form>
    </>
  );
}

export function SubscriberDetail({ s, subscriber, deliveries }: { s: Screen; subscriber: Subscriber; deliveries: DeliveryRecord[] }) {
  const t = s.t;
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
        <dt>{t('adminSubscribers.channel')}</dt>
        <dd>{channelLabel(t, subscriber.channel)}</dd>
        <dt>{t('adminSubscribers.state')}</dt>
        <dd>{stateLabel(t, subscriber.state)}</dd>
        <dt>{t('adminSubscribers.follows')}</dt>
        <dd>{scopeText(t, subscriber)}</dd>
        <dt>{t('adminSubscribers.language')}</dt>
        <dd>{localeNames[subscriber.locale]}</dd>
        {subscriber.signingSecret !== null && (
          <>
            <dt>{t('adminSubscribers.signingSecret')}</dt>
            <dd>
              <code>{subscriber.signingSecret}</code>
            </dd>
          </>
        )}
        {subscriber.notifyEmail !== null && (
          <>
            <dt>{t('adminSubscribers.failureNoticesTo')}</dt>
            <dd>{subscriber.notifyEmail}</dd>
          </>
        )}
        {subscriber.lastError !== null && (
          <>
            <dt>{t('adminSubscribers.lastError')}</dt>
            <dd>{subscriber.lastError}</dd>
          </>
        )}
        {subscriber.purgeAt !== null && (
          <>
            <dt>{t('adminSubscribers.removedOn')}</dt>
            <dd>{formatTime(subscriber.purgeAt, tz, s.locale)}</dd>
          </>
        )}
      </dl>
      {subscriber.state === 'unconfirmed' && action('resend', t('adminSubscribers.resend'))}
      {(subscriber.state === 'quarantined' || subscriber.state === 'unsubscribed') &&
        action('reactivate', t('adminSubscribers.reactivate'))}
      {action('remove', t('adminSubscribers.remove'), true)}
      <h2>{t('adminSubscribers.deliveryLog')}</h2>
      {deliveries.length === 0 ? (
        <p>{t('adminSubscribers.noDeliveries')}</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('adminSubscribers.deliveryLog')}>
          <table>
            <caption class="sr-only">{t('adminSubscribers.deliveriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminSubscribers.when')}</th>
                <th scope="col">{t('adminSubscribers.what')}</th>
                <th scope="col">{t('adminSubscribers.channel')}</th>
                <th scope="col">{t('adminSubscribers.outcome')}</th>
                <th scope="col">{t('adminSubscribers.attempts')}</th>
                <th scope="col">{t('adminSubscribers.error')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatTime(d.sentAt ?? d.updatedAt, tz, s.locale)}</td>
                  <td>{d.eventKind}</td>
                  <td>{d.channel}</td>
                  <td>{outcomeLabel(t, d.status)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/admin/subscribers">{t('adminSubscribers.all')}</a>
      </p>
    </>
  );
}
