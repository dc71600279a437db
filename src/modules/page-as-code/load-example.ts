import { readdirSync, readFileSync } from 'node:fs';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { applyPageFile } from './apply-page-file.ts';

const examplesDir = new URL('../../../examples/', import.meta.url);

/** The bundled example pages, by name (`examples/<name>.yaml`). */
export function listExamples(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Applies a bundled example page; an unknown name is refused with the list of names there are. */
export async function loadExample(ctx: Ctx, name: string): Promise<void> {
  const available = listExamples();
  if (!available.includes(name)) {
    throw new AppError(
      'example_not_found',
      `There is no example page "${name}"; the examples are: ${available.join(', ')} (or "none" for a blank page).`,
    );
  }
  await applyPageFile(ctx, readFileSync(new URL(`${name}.yaml`, examplesDir), 'utf8'));
}
