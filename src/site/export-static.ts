import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { App } from '../http/create-app.ts';
import type { Ctx } from '../shared/context.ts';
import { loadSiteShape, publicUrls } from '../public-page/site-urls.ts';
import { rewriteForExport, staticTarget, type StaticTarget } from './static-paths.ts';

export interface StaticExport {
  files: number;
  /** URLs the site named that did not answer 200 (left out of the export). */
  missing: string[];
}

/** Bounds the links followed beyond the enumerated URLs, so a page of odd links cannot grow the export without end. */
const extraLimit = 10_000;

/**
 * Writes the public site as static files under `dir` (see static-paths.ts for the layout): every
 * URL of site-urls.ts, plus anything their pages link to that the export can hold (the assets), each
 * rendered through the app as a visitor would get it. The site is written to a temporary directory
 * beside `dir` and moved into place when complete, so a server reading `dir` sees the old export or
 * the new one, never a half-written one.
 */
export async function exportStaticSite(options: { app: App; ctx: Ctx; dir: string; publicUrl: string }): Promise<StaticExport> {
  const { app, ctx } = options;
  const dir = resolve(options.dir);
  const shape = await loadSiteShape(ctx, ctx.clock.now());
  const staging = join(dirname(dir), `.${basename(dir)}.partial-${randomBytes(6).toString('hex')}`);
  const queue: StaticTarget[] = [];
  const seen = new Set<string>();
  const add = (target: StaticTarget | undefined) => {
    if (target === undefined || seen.has(target.file)) return;
    seen.add(target.file);
    queue.push(target);
  };
  for (const url of [...publicUrls(shape), '/revision.json']) add(staticTarget(url, shape));
  const enumerated = queue.length;
  const missing: string[] = [];
  let files = 0;
  try {
    for (let i = 0; i < queue.length && i < enumerated + extraLimit; i++) {
      const target = queue[i] as StaticTarget;
      const response = await app.inject({ method: 'GET', url: target.source });
      if (response.statusCode !== 200) {
        missing.push(`${target.source} (${response.statusCode})`);
        continue;
      }
      let body: Buffer | string = response.rawPayload;
      if (String(response.headers['content-type']).startsWith('text/html')) {
        const rewritten = rewriteForExport(response.body, target.source, shape, options.publicUrl);
        rewritten.linked.forEach(add);
        body = rewritten.html;
      }
      const file = join(staging, target.file);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      files += 1;
    }
    await swapInto(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { files, missing };
}

/** Puts the complete export in place of the previous one: two renames, the old tree removed after. */
async function swapInto(staging: string, dir: string): Promise<void> {
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (!exists) return rename(staging, dir);
  const old = join(dirname(dir), `.${basename(dir)}.old-${randomBytes(6).toString('hex')}`);
  await rename(dir, old);
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
}
