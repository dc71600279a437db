import type { Actor } from '../../shared/context.ts';
import type { Db } from '../../storage/database.ts';
import type { AuditEntry } from './audit-event.ts';
import { insertAuditEvent } from './audit-store.ts';

/**
 * Records a write in the audit log, inside the write's own transaction: a write that fails leaves no
 * entry, and an entry that cannot be written rolls the write back.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(tx, actor, entry, entry.at ?? new Date());
}
