export type { AuditEvent, AuditEntry } from './audit-event.ts';
export { recordAudit } from './record-audit.ts';
export { listAuditEvents } from './list-audit-events.ts';
