import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import { FileProblems } from './page-file-problems.ts';
import { parsePageFile } from './parse-page-file.ts';
import { readPageState } from './page-state.ts';
import { planPageFile } from './plan-page-file.ts';

export interface ApplyResult {
  /** One line per change, in the order made; empty when the database already matched the file. */
  changes: string[];
  /** Whether anything was written (never with `dryRun`). */
  applied: boolean;
}

/**
 * Makes the database hold the page the file describes, in one transaction: the whole file applies
 * or nothing does. A file the database already matches writes nothing and leaves the revision alone.
 */
export async function applyPageFile(ctx: Ctx, text: string, options: { dryRun?: boolean } = {}): Promise<ApplyResult> {
  const parsed = parsePageFile(text);
  const plan = async (db: Ctx['db']) => {
    const problems = new FileProblems(parsed.positions);
    const steps = planPageFile(parsed.data, await readPageState(db), problems, ctx.clock.now());
    problems.throwIfAny();
    return steps;
  };
  const steps = await plan(ctx.db);
  const changes = steps.map((s) => s.summary);
  if (steps.length === 0 || options.dryRun === true) return { changes, applied: false };
  // Planned again inside the transaction, so the changes fit what is stored at that moment.
  const made = await write(ctx, async (tx) => {
    const now = ctx.clock.now();
    const inside = await plan(tx);
    const txCtx = { ...ctx, db: tx };
    for (const step of inside) await step.run(tx, now, txCtx);
    return inside.map((s) => s.summary);
  });
  return { changes: made, applied: made.length > 0 };
}
