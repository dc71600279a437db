import { createHash } from 'node:crypto';
import { z } from 'zod';
import { componentIdSchema, componentStatuses, worstStatus, type ComponentStatus } from '../components/index.ts';

/**
 * An alert receiver: a secret URL that Alertmanager, Grafana or any tool posts alerts to, and the
 * operator's rules that map them to components. Each alert is a signal keyed by its fingerprint,
 * so repeats and groups deduplicate, a resolved alert clears it, and the worst active signal on a
 * component wins until every one of them has resolved.
 */

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

const matcherPattern = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** Parses `service="api"`, `env!="dev"`, `job=~"api|web"` (regular expressions match the whole value, as in Prometheus). */
export function parseMatcher(text: string): Matcher | string {
  const m = matcherPattern.exec(text);
  if (m === null) return 'must look like label="value" (with =, !=, =~ or !~)';
  const matcher = { label: m[1]!, op: m[2] as MatchOp, value: m[3]!.replace(/\\(.)/g, '$1') };
  if (matcher.op === '=~' || matcher.op === '!~') {
    try {
      new RegExp(`^(?:${matcher.value})$`);
    } catch {
      return 'is not a valid regular expression';
    }
  }
  return matcher;
}

export function matches(matcher: Matcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

const status = z.enum(componentStatuses);
const matcherText = z
  .string()
  .max(300)
  .superRefine((text, ctx) => {
    const parsed = parseMatcher(text);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });

export const defaultSeverityStatuses: Record<string, ComponentStatus> = {
  critical: 'major_outage',
  warning: 'degraded_performance',
};

export const ruleSchema = z
  .object({
    matchers: z.array(matcherText).min(1, 'a rule needs at least one matcher').max(20),
    componentId: componentIdSchema,
    severityLabel: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a label name')
      .default('severity'),
    severities: z.record(z.string().min(1).max(100), status).default(defaultSeverityStatuses),
    /** The status for an alert whose severity is missing or not listed. */
    defaultStatus: status.default('partial_outage'),
    /** Open an incident when this rule's alerts move the component, update it, resolve it when they all resolve. */
    autoIncident: z.boolean().default(false),
    /** The template the automatic incident is written from (title, text, status, notifications); null: Aviso's own words. */
    incidentTemplateId: z
      .string()
      .regex(/^[0-9a-z]{12}$/, 'must be a template id')
      .nullable()
      .default(null),
  })
  .strict();
export type Rule = z.output<typeof ruleSchema>;

const receiverFields = { name: z.string().trim().min(1).max(100), rules: z.array(ruleSchema).max(100) };

export const createReceiverSchema = z.object({ ...receiverFields, rules: receiverFields.rules.default([]) }).strict();
export type CreateReceiverInput = z.input<typeof createReceiverSchema>;

// Without the creation's defaults: a field left out of an edit keeps its value (`{"name"}` alone keeps the rules).
export const updateReceiverSchema = z.object(receiverFields).partial().strict();
export type UpdateReceiverInput = z.input<typeof updateReceiverSchema>;

export interface Receiver {
  id: string;
  name: string;
  rules: Rule[];
  createdAt: Date;
  updatedAt: Date;
}

/** One alert, whatever tool sent it. */
export interface InboundAlert {
  fingerprint: string;
  firing: boolean;
  labels: Record<string, string>;
  summary: string | null;
  /** Generic alerts may name their component and status directly. */
  component: string | null;
  status: ComponentStatus | null;
}

export const hashReceiverToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The components a firing alert moves and the status it wants on each (the worst when two rules name one). */
export function targetsOf(rules: Rule[], alert: InboundAlert): Map<string, ComponentStatus> {
  const targets = new Map<string, ComponentStatus>();
  for (const rule of rules) {
    if (!rule.matchers.every((text) => matches(parseMatcher(text) as Matcher, alert.labels))) continue;
    const severity = alert.labels[rule.severityLabel];
    const wanted = (severity !== undefined ? rule.severities[severity] : undefined) ?? rule.defaultStatus;
    const current = targets.get(rule.componentId);
    targets.set(rule.componentId, current === undefined ? wanted : worstStatus([current, wanted]));
  }
  return targets;
}
