import type { Component } from '../../modules/components/index.ts';
import type { ThirdPartySource } from '../../modules/third-party/index.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Screen } from '../admin-screen.tsx';
import { componentStatusOptions, formatTime } from '../view/format.ts';
import { CsrfField } from '../view/form-fields.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';

/* The screens' parts for components that mirror another status page: holding a status against the source, and the sources read. */

/** How long a hold may last, in minutes. */
const holdDurations = [15, 60, 240, 1440] as const;

function holdDurationLabel(t: Translator, minutes: number): string {
  return minutes < 60
    ? t('adminComponents.holdForMinutes', { count: minutes })
    : t('adminComponents.holdForHours', { count: minutes / 60 });
}

/** A mirrored component's status is not set but held against its source for a while, or released. */
export function HoldForms({ s, c }: { s: Screen; c: Component }) {
  const t = useT();
  return (
    <>
      <form method="post" action={`/admin/components/${c.id}/hold`} class="actions" style="margin:0">
        <CsrfField token={s.session.csrfToken} />
        <label for={`hold-status-${c.id}`} class="sr-only">
          {t('adminComponents.holdStatusLabel', { name: c.name })}
        </label>
        <select id={`hold-status-${c.id}`} name="status" style="width:auto">
          {componentStatusOptions(t).map(([value, label]) => (
            <option key={value} value={value} selected={value === c.status}>
              {label}
            </option>
          ))}
        </select>
        <label for={`hold-minutes-${c.id}`} class="sr-only">
          {t('adminComponents.holdHowLong')}
        </label>
        <select id={`hold-minutes-${c.id}`} name="minutes" style="width:auto">
          {holdDurations.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {holdDurationLabel(t, minutes)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('adminComponents.holdStatus')}
          <span class="sr-only"> {t('adminComponents.ofComponent', { name: c.name })}</span>
        </button>
      </form>
      {c.mirrorHeldUntil !== null && (
        <form method="post" action={`/admin/components/${c.id}/release`} class="inline">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="secondary">
            {t('adminComponents.followSource')}
            <span class="sr-only"> {t('adminComponents.forComponent', { name: c.name })}</span>
          </button>
        </form>
      )}
    </>
  );
}

/** The pages third-party components mirror: how often each is read, and how the last reads went. */
export function SourceList({ s, sources }: { s: Screen; sources: ThirdPartySource[] }) {
  const t = useT();
  const locale = useLocale();
  if (sources.length === 0) return null;
  const manage = s.can('manage_components');
  const tz = s.page.timeZone;
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">{t('adminComponents.sourcesTitle')}</h2>
      <ul class="items" aria-label={t('adminComponents.sourcesTitle')}>
        {sources.map((source) => (
          <li key={source.url}>
            <h3 style="margin:0;font-size:1rem">{source.url}</h3>
            <p class="meta">
              {[
                source.kind === 'instatus' ? 'Instatus' : 'Statuspage API v2',
                t('adminComponents.readEvery', { seconds: source.intervalSeconds }),
                source.lastReadAt
                  ? t('adminComponents.lastRead', { time: formatTime(source.lastReadAt, tz, locale) })
                  : t('adminComponents.notReadYet'),
                source.failingSince
                  ? t('adminComponents.failingSince', {
                      time: formatTime(source.failingSince, tz, locale),
                      count: source.consecutiveFailures,
                      error: source.lastError ?? '',
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {manage && (
              <form method="post" action="/admin/third-party-sources/interval" class="actions" style="margin:0">
                <CsrfField token={s.session.csrfToken} />
                <input type="hidden" name="url" value={source.url} />
                <label for={`interval-${source.url}`}>{t('adminComponents.intervalLabel')}</label>
                <input
                  id={`interval-${source.url}`}
                  name="intervalSeconds"
                  type="number"
                  min="30"
                  max="3600"
                  value={String(source.intervalSeconds)}
                  style="width:7rem"
                />
                <button type="submit" class="secondary">
                  {t('admin.save')}
                  <span class="sr-only"> {t('adminComponents.intervalOf', { url: source.url })}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
