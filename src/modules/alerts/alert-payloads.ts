import { createHash } from 'node:crypto';
import { z } from 'zod';
import { componentStatuses } from '../components/index.ts';
import type { InboundAlert } from './receiver.ts';

/**
 * The three shapes a receiver accepts, each read strictly where Aviso depends on it and leniently
 * elsewhere (the tools add fields over time): Prometheus Alertmanager's webhook (version 4),
 * Grafana alerting's webhook, and Aviso's generic JSON for any other tool.
 */

const labels = z.record(z.string().max(200), z.string().max(2000)).refine((l) => Object.keys(l).length <= 100, 'at most 100 labels');
const fingerprint = z.string().trim().min(1).max(200);

// Alertmanager and Grafana send the same alert shape: status, labels, annotations, fingerprint.
const toolAlert = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: labels.optional(),
  fingerprint: fingerprint.optional(),
});
const alertmanagerPayload = z.looseObject({ version: z.literal('4'), alerts: z.array(toolAlert).max(1000) });
const grafanaPayload = z.looseObject({ orgId: z.number().optional(), alerts: z.array(toolAlert).max(1000) });

export const genericAlertSchema = z
  .object({
    fingerprint,
    state: z.enum(['firing', 'resolved']),
    /** The component's id or exact name. */
    component: z.string().trim().min(1).max(200).optional(),
    status: z.enum(componentStatuses).optional(),
    summary: z.string().max(2000).optional(),
    labels: labels.optional(),
  })
  .strict();
const genericPayload = z.union([genericAlertSchema, z.array(genericAlertSchema).min(1).max(1000)]);

export type PayloadFormat = 'alertmanager' | 'grafana' | 'generic';

// Alerts without a fingerprint get one from their labels, so the same alert is always the same signal.
const fingerprintOf = (l: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(l).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .digest('hex')
    .slice(0, 16);

function fromTool(alert: z.output<typeof toolAlert>): InboundAlert {
  const notes = alert.annotations ?? {};
  const summary = notes.summary ?? notes.description ?? alert.labels.alertname ?? null;
  return {
    fingerprint: alert.fingerprint ?? fingerprintOf(alert.labels),
    firing: alert.status === 'firing',
    labels: alert.labels,
    summary: summary === null ? null : summary.slice(0, 500),
    component: null,
    status: null,
  };
}

/** Which tool sent the body, and its alerts. Throws a ZodError (a 400 naming the field) when it is none of them. */
export function readAlerts(body: unknown): { format: PayloadFormat; alerts: InboundAlert[] } {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (object !== null && 'alerts' in object && object.version === '4')
    return { format: 'alertmanager', alerts: alertmanagerPayload.parse(body).alerts.map(fromTool) };
  if (object !== null && 'alerts' in object) return { format: 'grafana', alerts: grafanaPayload.parse(body).alerts.map(fromTool) };
  const generic = genericPayload.parse(body);
  return {
    format: 'generic',
    alerts: (Array.isArray(generic) ? generic : [generic]).map((a) => ({
      fingerprint: a.fingerprint,
      firing: a.state === 'firing',
      labels: a.labels ?? {},
      summary: a.summary?.slice(0, 500) ?? null,
      component: a.component ?? null,
      status: a.status ?? null,
    })),
  };
}
