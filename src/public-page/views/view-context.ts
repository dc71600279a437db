import type { Locale } from '../../shared/locales.ts';
import type { Page } from '../../modules/page/index.ts';
import type { Translator } from '../../i18n/translate.ts';

/** What every view needs: the language, the page and where its assets are. */
export interface ViewContext {
  locale: Locale;
  t: Translator;
  page: Page;
  /** Hashed URLs of the stylesheet and the script. */
  assets: { css: string; js: string };
  /** The path being rendered, for the language switcher's form. */
  path: string;
  /** Query parameters to keep when the language changes (the history page, the component). */
  keep: Record<string, string>;
  /** When the page is rendered (the page's clock): the zone's offset shown is the one in force then. */
  now: Date;
}
