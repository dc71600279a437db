import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../shared/locales.ts';
import type { Branded } from '../../shared/ids.ts';

export type SubscriberId = Branded<string, 'SubscriberId'>;

export const channels = ['email', 'webhook', 'slack', 'discord', 'teams'] as const;
export type Channel = (typeof channels)[number];

export const subscriberStates = ['unconfirmed', 'active', 'quarantined', 'unsubscribed'] as const;
export type SubscriberState = (typeof subscriberStates)[number];

/** What a subscriber hears about: the whole page, chosen components, or one incident. */
export type SubscriptionScope = 'page' | 'components' | 'incident';

export interface Subscriber {
  id: SubscriberId;
  channel: Channel;
  /** An email address, or the endpoint URL for webhook, Slack, Discord and Teams. */
  address: string;
  scope: SubscriptionScope;
  incidentId: string | null;
  componentIds: string[];
  state: SubscriberState;
  locale: Locale;
  tokenKey: string;
  /** HMAC key for webhook signatures. */
  signingSecret: string | null;
  /** Where a webhook's owner hears that the endpoint is failing. */
  notifyEmail: string | null;
  failureCount: number;
  /** Failures count while they follow each other within the window; a success or a quiet hour resets them. */
  lastFailureAt: Date | null;
  lastError: string | null;
  confirmedAt: Date | null;
  quarantinedAt: Date | null;
  purgeAt: Date | null;
  unsubscribedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Webhooks are quarantined after this many failed requests within the window, as Statuspage does. */
export const quarantineAfterFailures = 10;
export const failureWindowMs = 3600_000;
/** Quarantined subscribers are removed after this long. */
export const purgeAfterMs = 90 * 24 * 3600_000;

/** One subscriber per address and scope: an address may follow the page and, apart, single incidents. */
export function addressKey(channel: Channel, address: string, incidentId: string | null): string {
  const normalised = channel === 'email' ? address.trim().toLowerCase() : address.trim();
  return `${channel}:${normalised}${incidentId === null ? '' : `#${incidentId}`}`;
}

export type TokenPurpose = 'confirm' | 'manage';

/** A link token: the subscriber id and an HMAC under the subscriber's own key, so rotating the key voids old links. */
export function subscriberToken(subscriber: Pick<Subscriber, 'id' | 'tokenKey'>, purpose: TokenPurpose): string {
  const mac = createHmac('sha256', subscriber.tokenKey).update(`${purpose}:${subscriber.id}`).digest('base64url').slice(0, 32);
  return `${subscriber.id}.${mac}`;
}

export function tokenSubscriberId(token: string): string | undefined {
  const [id, mac] = token.split('.');
  return id !== undefined && mac !== undefined && /^[0-9a-z]{12}$/.test(id) ? id : undefined;
}

/** Compares tokens without leaking through timing where they differ. */
export function isSameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
