import type { Ctx } from '../../shared/context.ts';
import { factorsOfTeam, type MemberFactors } from './second-factor.ts';

/** What each member has besides a password, by id, for the team screen (members with nothing are absent). */
export async function listTeamFactors(ctx: Pick<Ctx, 'db'>): Promise<Map<string, MemberFactors>> {
  return factorsOfTeam(ctx.db);
}
