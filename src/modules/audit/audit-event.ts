import type { Actor } from '../../shared/context.ts';

export interface AuditEvent {
  id: string;
  at: Date;
  actor: Actor;
  /** `<entity>.<verb>`, e.g. `incident.open`, `component.update`. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** The entity as JSON before and after the write; null when it did not exist. */
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** When the write happened (the use case's clock); now by default. */
  at?: Date;
}
