import type { ComponentStatus } from '../../modules/components/index.ts';
import type { DayColourLevel } from '../../modules/uptime/index.ts';

type IconName = 'ok' | 'maintenance' | 'degraded' | 'partial' | 'major' | 'info';

export const statusIcon: Record<ComponentStatus, IconName> = {
  operational: 'ok',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
};

/** The icons, defined once per page and referenced by `<use>`; always paired with text. */
export function IconSprite() {
  return (
    <svg class="sprite" aria-hidden="true" focusable="false">
      <symbol id="i-ok" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="8" fill="currentColor" />
        <path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="var(--icon-ink)" stroke-width="1.8" />
      </symbol>
      <symbol id="i-maintenance" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="8" fill="currentColor" />
        <path d="M5 11l4-4m0 0a2 2 0 1 0 2-2" fill="none" stroke="var(--icon-ink)" stroke-width="1.8" />
      </symbol>
      <symbol id="i-degraded" viewBox="0 0 16 16">
        <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
        <path d="M4.5 8h7" stroke="var(--icon-ink)" stroke-width="2" />
      </symbol>
      <symbol id="i-partial" viewBox="0 0 16 16">
        <path d="M8 .8l7.4 13.6H.6z" fill="currentColor" />
        <path d="M8 5.5v4.2M8 11.3v1.4" stroke="var(--icon-ink)" stroke-width="1.8" />
      </symbol>
      <symbol id="i-major" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="8" fill="currentColor" />
        <path d="M5.2 5.2l5.6 5.6m0-5.6l-5.6 5.6" stroke="var(--icon-ink)" stroke-width="1.8" />
      </symbol>
      <symbol id="i-info" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="8" fill="currentColor" />
        <path d="M8 7v5M8 4v1.6" stroke="var(--icon-ink)" stroke-width="1.8" />
      </symbol>
    </svg>
  );
}

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg class={`icon ${className ?? ''}`} aria-hidden="true" focusable="false" width="16" height="16">
      <use href={`#i-${name}`} />
    </svg>
  );
}

/** A third-party component whose source cannot be read: neither up nor down, said quietly. */
export function UnknownStatusText({ label }: { label: string }) {
  return (
    <span class="status s-unknown">
      <Icon name="info" />
      <span>{label}</span>
    </span>
  );
}

/** A component status as icon and text, coloured. */
export function StatusText({ status, label }: { status: ComponentStatus; label: string }) {
  return (
    <span class={`status s-${status}`}>
      <Icon name={statusIcon[status]} />
      <span>{label}</span>
    </span>
  );
}

export const levelIcon: Record<DayColourLevel, IconName> = {
  'no-data': 'info',
  operational: 'ok',
  minor: 'degraded',
  partial: 'partial',
  major: 'major',
};
