import { z } from 'zod';
import type { PageId } from '../../shared/ids.ts';
import { supportedLocales, type Locale } from '../../shared/locales.ts';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2fcc66');
/** A link people click or an image the page loads: http(s) only, never `javascript:` or `data:`. */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });
/** A site allowed to frame the public page: its origin alone, like https://example.com. */
const frameOrigin = z
  .string()
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be an origin like https://example.com (scheme and host, no path)');

/** Presentation settings an operator may set; every field is optional. */
export const pageSettingsSchema = z
  .object({
    colours: z
      .object({
        operational: hexColour,
        maintenance: hexColour,
        degraded: hexColour,
        partial: hexColour,
        major: hexColour,
        noData: hexColour,
        link: hexColour,
        headerBackground: hexColour,
      })
      .partial()
      .strict(),
    logoUrl: webUrlSchema,
    faviconUrl: webUrlSchema,
    homepageUrl: webUrlSchema,
    supportUrl: webUrlSchema,
    twitterHandle: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
    footerLinks: z.array(z.object({ label: z.string().min(1).max(80), url: webUrlSchema }).strict()).max(20),
    /** Sites that may show the public page in a frame; by default none may. */
    frameAncestors: z.array(frameOrigin).max(20),
    /** Whether visitors may subscribe (used once subscriptions exist). */
    allowSubscribers: z.boolean(),
  })
  .partial()
  .strict();
export type PageSettings = z.infer<typeof pageSettingsSchema>;

export interface Page {
  id: PageId;
  name: string;
  /** The page's public URL, as Statuspage's `page.url`. */
  url: string;
  /** IANA time zone in which days and months are cut and times are shown. */
  timeZone: string;
  defaultLocale: Locale;
  /** Enabled locales, the default among them. */
  locales: Locale[];
  settings: PageSettings;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as America/Sao_Paulo' });
export const localeSchema = z.enum(supportedLocales);
