import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { textDirection, type Locale } from '../shared/locales.ts';
import { webMessage, type WebMessageKey } from './web-messages.ts';

export interface PageFrame {
  locale: Locale;
  pageName: string;
}

export interface ComponentChoice {
  id: string;
  name: string;
  checked: boolean;
}

const styles = `
:root{color-scheme:light dark;--fg:#1f2933;--muted:#52606d;--bg:#f5f6f8;--card:#fff;--line:#cbd2d9;--accent:#1f6feb}
@media (prefers-color-scheme:dark){:root{--fg:#e4e7eb;--muted:#9aa5b1;--bg:#111418;--card:#1c2026;--line:#3e4c59;--accent:#58a6ff}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 -apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:var(--card);border-radius:8px}
h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem;margin-top:2rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=email],input[type=url]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid var(--line);border-radius:4px;font:inherit;background:var(--card);color:var(--fg)}
fieldset{border:1px solid var(--line);border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
fieldset label{font-weight:400;margin:.25rem 0}
button{margin-top:1rem;padding:.6rem 1.2rem;border:0;border-radius:4px;background:var(--accent);color:#fff;font:inherit;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.muted{color:var(--muted)}a{color:var(--accent)}
[role=alert],.notice{border-inline-start:4px solid #c0392b;padding:.5rem 1rem;background:rgba(231,76,60,.1)}
`;

/** Every subscription page: a small standalone document that works without script. */
export function subscriptionPage(frame: PageFrame, title: string, body: ComponentChildren): string {
  return `<!doctype html>${render(
    <html lang={frame.locale} dir={textDirection(frame.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${frame.pageName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <main id="main">
          <h1>{title}</h1>
          {body}
          <p>
            <a href="/">{webMessage(frame.locale, 'backToPage')}</a>
          </p>
        </main>
      </body>
    </html>,
  )}`;
}

function ComponentChoices({ locale, components, prefix }: { locale: Locale; components: ComponentChoice[]; prefix: string }) {
  if (components.length === 0) return null;
  const anyChecked = components.some((c) => c.checked);
  return (
    <fieldset>
      <legend>{webMessage(locale, 'componentsLegend')}</legend>
      <p class="muted">{webMessage(locale, anyChecked ? 'chosenComponents' : 'wholePage')}</p>
      {components.map((c) => (
        <label key={c.id}>
          <input type="checkbox" name="component_ids" value={c.id} checked={c.checked} id={`${prefix}-${c.id}`} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

export function subscribeForm(
  frame: PageFrame,
  options: { components: ComponentChoice[]; incidentId: string | null; emailReady: boolean; problem?: string },
): string {
  const { locale } = frame;
  const t = (key: WebMessageKey) => webMessage(locale, key, { page: frame.pageName });
  return subscriptionPage(
    frame,
    t('subscribeTitle'),
    <>
      {options.problem !== undefined && (
        <p role="alert">
          <strong>{t('problemTitle')}</strong>: {options.problem}
        </p>
      )}
      {options.emailReady ? (
        <form method="post" action="/subscriptions">
          <p>{t(options.incidentId === null ? 'subscribeIntro' : 'incidentIntro')}</p>
          <input type="hidden" name="channel" value="email" />
          <input type="hidden" name="locale" value={locale} />
          {options.incidentId !== null && <input type="hidden" name="incident_id" value={options.incidentId} />}
          <label for="email">{t('emailLabel')}</label>
          <input type="email" id="email" name="address" required autocomplete="email" />
          {options.incidentId === null && <ComponentChoices locale={locale} components={options.components} prefix="email" />}
          <button type="submit">{t('subscribeButton')}</button>
        </form>
      ) : (
        options.problem === undefined && (
          <p class="notice" id="email-unavailable">
            {t('emailUnavailable')}
          </p>
        )
      )}
      {options.incidentId === null && (
        <form method="post" action="/subscriptions">
          <h2>{t('webhookTitle')}</h2>
          <p>{t('webhookIntro')}</p>
          <input type="hidden" name="channel" value="webhook" />
          <input type="hidden" name="locale" value={locale} />
          <label for="endpoint">{t('webhookUrlLabel')}</label>
          <input type="url" id="endpoint" name="address" required />
          <label for="notify">{t('webhookEmailLabel')}</label>
          <input type="email" id="notify" name="notify_email" autocomplete="email" />
          <button type="submit">{t('subscribeButton')}</button>
        </form>
      )}
    </>,
  );
}

export function messagePage(frame: PageFrame, titleKey: WebMessageKey, bodyKey: WebMessageKey, extra?: ComponentChildren): string {
  const params = { page: frame.pageName };
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
  options: { token: string; address: string; components: ComponentChoice[]; saved: boolean; isIncident: boolean },
): string {
  const { locale } = frame;
  return subscriptionPage(
    frame,
    webMessage(locale, 'manageTitle', { page: frame.pageName }),
    <>
      {options.saved && <p role="status">{webMessage(locale, 'savedBody')}</p>}
      <p>{webMessage(locale, 'manageFor', { address: options.address })}</p>
      {!options.isIncident && (
        <form method="post" action={`/subscriptions/manage/${options.token}`}>
          <ComponentChoices locale={locale} components={options.components} prefix="manage" />
          <button type="submit">{webMessage(locale, 'saveButton')}</button>
        </form>
      )}
      <form method="post" action={`/subscriptions/unsubscribe/${options.token}`}>
        <button type="submit">{webMessage(locale, 'unsubscribeButton')}</button>
      </form>
    </>,
  );
}

export function unsubscribeQuestion(frame: PageFrame, token: string, address: string): string {
  const { locale } = frame;
  return subscriptionPage(
    frame,
    webMessage(locale, 'unsubscribeTitle', { page: frame.pageName }),
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
    webMessage(locale, 'confirmTitle', { page: frame.pageName }),
    <form method="post" action={`/subscriptions/confirm/${token}`}>
      <p>{webMessage(locale, 'confirmQuestion', { address, page: frame.pageName })}</p>
      <button type="submit">{webMessage(locale, 'confirmButton')}</button>
    </form>,
  );
}
