import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Channel } from '../modules/subscribers/index.ts';
import { Layout } from '../public-page/views/layout.tsx';
import type { ViewContext } from '../public-page/views/view-context.ts';
import { webMessage, type WebMessageKey } from './web-messages.ts';

/** What every subscription page is rendered with: the public page's own view context. */
export type PageFrame = ViewContext;

export interface ComponentChoice {
  id: string;
  name: string;
  checked: boolean;
}

/** What the visitor chose, kept when the form comes back with a problem. */
export interface SubscribeChoice {
  channel: Channel;
  address: string;
  notifyEmail: string;
  scope: 'page' | 'components';
}

/** Every subscription page: the public page's frame (header, navigation, language switcher, footer), no script needed. */
export function subscriptionPage(frame: PageFrame, title: string, body: ComponentChildren): string {
  return `<!doctype html>${render(
    <Layout view={frame} title={`${title} · ${frame.page.name}`} section="other" noIndex>
      <div class="subscription">
        <h1>{title}</h1>
        {body}
        <p class="more">
          <a href="/">
            <span class="arrow" aria-hidden="true">
              ←
            </span>{' '}
            {webMessage(frame.locale, 'backToPage')}
          </a>
        </p>
      </div>
    </Layout>,
  )}`;
}

/**
 * "Everything" or "only the components I choose", as two radios; the component boxes belong to the
 * second and are shown once it is chosen (CSS only: without it they stay visible, and the server
 * ignores them when "everything" is chosen).
 */
function ScopeChoice({
  locale,
  components,
  scope,
  prefix,
}: {
  locale: PageFrame['locale'];
  components: ComponentChoice[];
  scope: 'page' | 'components';
  prefix: string;
}) {
  if (components.length === 0) return null;
  return (
    <fieldset class="scope-choice">
      <legend>{webMessage(locale, 'componentsLegend')}</legend>
      <label class="choice">
        <input type="radio" name="scope" value="page" checked={scope === 'page'} /> {webMessage(locale, 'scopeEverything')}
      </label>
      <label class="choice">
        <input type="radio" name="scope" value="components" checked={scope === 'components'} /> {webMessage(locale, 'scopeChosen')}
      </label>
      <fieldset class="component-choice" id={`${prefix}-components`}>
        <legend class="visually-hidden">{webMessage(locale, 'chooseComponents')}</legend>
        {components.map((c) => (
          <label key={c.id} class="choice">
            <input type="checkbox" name="component_ids" value={c.id} checked={c.checked} id={`${prefix}-${c.id}`} />{' '}
            <span dir="auto">{c.name}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}

const channelLabels: Record<Channel, WebMessageKey> = {
  email: 'channelEmail',
  webhook: 'channelWebhook',
  slack: 'channelSlack',
  discord: 'channelDiscord',
  teams: 'channelTeams',
};

const addressLabels: Record<Channel, WebMessageKey> = {
  email: 'emailLabel',
  webhook: 'webhookUrlLabel',
  slack: 'slackUrlLabel',
  discord: 'discordUrlLabel',
  teams: 'teamsUrlLabel',
};

/**
 * The one place to follow the page: every channel the instance can deliver through (email only with
 * a mail server), what to hear about, and the feeds and calendar that need no subscription. Each
 * channel has its own address field, shown when the channel is chosen; the server reads the chosen one.
 */
export function subscribeForm(
  frame: PageFrame,
  options: {
    components: ComponentChoice[];
    incidentId: string | null;
    channels: readonly Channel[];
    emailReady: boolean;
    choice?: SubscribeChoice | undefined;
    problem?: string | undefined;
  },
): string {
  const { locale } = frame;
  const t = (key: WebMessageKey) => webMessage(locale, key, { page: frame.page.name });
  const offered = options.channels;
  const choice: SubscribeChoice = options.choice ?? {
    channel: offered[0] ?? 'webhook',
    address: '',
    notifyEmail: '',
    scope: options.components.some((c) => c.checked) ? 'components' : 'page',
  };
  return subscriptionPage(
    frame,
    t('subscribeTitle'),
    <>
      {options.problem !== undefined && (
        <p role="alert" class="problem">
          <strong>{t('problemTitle')}</strong>: {options.problem}
        </p>
      )}
      {!options.emailReady && options.problem === undefined && (
        <p class="notice" id="email-unavailable">
          {t('emailUnavailable')}
        </p>
      )}
      {offered.length > 0 && (
        <form method="post" action="/subscriptions" class="subscribe-form">
          <p>{t(options.incidentId === null ? 'intro' : 'incidentChannelsIntro')}</p>
          <input type="hidden" name="locale" value={locale} />
          {options.incidentId !== null && <input type="hidden" name="incident_id" value={options.incidentId} />}
          <fieldset class="channel-choice">
            <legend>{t('channelLegend')}</legend>
            {offered.map((channel) => (
              <label class="choice" key={channel}>
                <input type="radio" name="channel" value={channel} checked={choice.channel === channel} /> {t(channelLabels[channel])}
              </label>
            ))}
          </fieldset>
          {offered.map((channel) => (
            <div class={`address address-${channel}`} key={channel}>
              <label for={`address-${channel}`}>{t(addressLabels[channel])}</label>
              <input
                type={channel === 'email' ? 'email' : 'url'}
                id={`address-${channel}`}
                name={`address_${channel}`}
                autocomplete={channel === 'email' ? 'email' : 'off'}
                value={choice.channel === channel && choice.address !== '' ? choice.address : undefined}
              />
              {channel === 'webhook' && (
                <>
                  <label for="notify">{t('webhookEmailLabel')}</label>
                  <input type="email" id="notify" name="notify_email" autocomplete="email" value={choice.notifyEmail || undefined} />
                </>
              )}
            </div>
          ))}
          {options.incidentId === null && (
            <ScopeChoice locale={locale} components={options.components} scope={choice.scope} prefix="subscribe" />
          )}
          <button type="submit">{t('subscribeButton')}</button>
        </form>
      )}
      <section class="follow-feeds" aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t('feedsTitle')}</h2>
        <p>{t('feedsIntro')}</p>
        <ul>
          <li>
            <a href="/history.atom" type="application/atom+xml">
              {t('atomFeed')}
            </a>
          </li>
          <li>
            <a href="/history.rss" type="application/rss+xml">
              {t('rssFeed')}
            </a>
          </li>
          <li>
            <a href="/maintenances.ics" type="text/calendar">
              {t('calendarLink')}
            </a>
          </li>
        </ul>
      </section>
    </>,
  );
}

export function messagePage(frame: PageFrame, titleKey: WebMessageKey, bodyKey: WebMessageKey, extra?: ComponentChildren): string {
  const params = { page: frame.page.name };
  return subscriptionPage(
    frame,
    webMessage(frame.locale, titleKey, params),
    <>
      <p>{webMessage(frame.locale, bodyKey, params)}</p>
      {extra}
    </>,
  );
}

export function managePage(
  frame: PageFrame,
  options: { token: string; address: string; components: ComponentChoice[]; saved: boolean; isIncident: boolean; problem?: string },
): string {
  const { locale } = frame;
  const scope = options.components.some((c) => c.checked) ? 'components' : 'page';
  return subscriptionPage(
    frame,
    webMessage(locale, 'manageTitle', { page: frame.page.name }),
    <>
      {options.saved && <p role="status">{webMessage(locale, 'savedBody')}</p>}
      {options.problem !== undefined && (
        <p role="alert" class="problem">
          <strong>{webMessage(locale, 'problemTitle')}</strong>: {options.problem}
        </p>
      )}
      <p>{webMessage(locale, 'manageFor', { address: options.address })}</p>
      {!options.isIncident && (
        <form method="post" action={`/subscriptions/manage/${options.token}`}>
          <ScopeChoice locale={locale} components={options.components} scope={scope} prefix="manage" />
          <button type="submit">{webMessage(locale, 'saveButton')}</button>
        </form>
      )}
      <form method="post" action={`/subscriptions/unsubscribe/${options.token}`}>
        <button type="submit" class="secondary">
          {webMessage(locale, 'unsubscribeButton')}
        </button>
      </form>
    </>,
  );
}

export function unsubscribeQuestion(frame: PageFrame, token: string, address: string): string {
  const { locale } = frame;
  return subscriptionPage(
    frame,
    webMessage(locale, 'unsubscribeTitle', { page: frame.page.name }),
    <form method="post" action={`/subscriptions/unsubscribe/${token}`}>
      <p>{webMessage(locale, 'unsubscribeQuestion', { address })}</p>
      <button type="submit">{webMessage(locale, 'unsubscribeButton')}</button>
    </form>,
  );
}

/** The confirmation link's page: one click confirms (a POST), so a link a mail scanner opens confirms nothing. */
export function confirmQuestion(frame: PageFrame, token: string, address: string): string {
  const { locale } = frame;
  return subscriptionPage(
    frame,
    webMessage(locale, 'confirmTitle', { page: frame.page.name }),
    <form method="post" action={`/subscriptions/confirm/${token}`}>
      <p>{webMessage(locale, 'confirmQuestion', { address, page: frame.page.name })}</p>
      <button type="submit">{webMessage(locale, 'confirmButton')}</button>
    </form>,
  );
}
