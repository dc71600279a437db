import type { PageId } from '../../shared/ids.ts';
import { insertPage, updatePageRow, type PageSettings } from '../page/index.ts';
import type { FileProblems } from './page-file-problems.ts';
import type { PageFileInput } from './page-file-schema.ts';
import type { PageEntry, PageState } from './page-state.ts';
import { planComponents, type Step } from './plan-components.ts';
import { planEvents } from './plan-events.ts';
import { planAutomation } from './plan-automation.ts';
import { resolvePageFile } from './resolve-page-file.ts';
import { camelKeys } from './setting-keys.ts';

/**
 * Everything applying the file would change in a database holding `current`, in the order it must
 * happen; empty when the database already matches the file. Problems found on the way (outages the
 * file would remove, ids of the wrong kind) are added to `problems`.
 */
export function planPageFile(input: PageFileInput, current: PageState, problems: FileProblems, now: Date): Step[] {
  const resolved = resolvePageFile(input, current, problems, now);
  const automation = planAutomation(current, resolved.state);
  return [
    ...planPage(current.page, resolved.state.page),
    ...automation.removals,
    ...planComponents(current, resolved, problems),
    ...planEvents(current, resolved.state),
    ...automation.upserts,
  ];
}

function planPage(old: PageEntry | null, page: PageEntry): Step[] {
  const settings = camelKeys(page.settings) as PageSettings;
  if (old === null) {
    return [
      {
        summary: `create page "${page.name}" (${page.id})`,
        run: (tx, now) =>
          insertPage(tx, {
            id: page.id as PageId,
            name: page.name,
            url: page.url,
            timeZone: page.time_zone,
            defaultLocale: page.default_locale,
            locales: page.locales,
            settings,
            createdAt: now,
            updatedAt: now,
          }),
      },
    ];
  }
  const keys = (Object.keys(page) as (keyof PageEntry)[]).filter((k) => JSON.stringify(page[k]) !== JSON.stringify(old[k]));
  if (keys.length === 0) return [];
  return [
    {
      summary: `change page: ${keys.join(', ')}`,
      run: (tx, now) =>
        updatePageRow(
          tx,
          page.id as PageId,
          { name: page.name, url: page.url, timeZone: page.time_zone, defaultLocale: page.default_locale, locales: page.locales, settings },
          now,
        ),
    },
  ];
}
