import type { CreateReceiverInput, Receiver } from '../../modules/alerts/index.ts';
import { checked, optional, text, type FormBody, type FormState } from '../form-values.ts';

/**
 * The receiver form holds its rules as numbered groups of fields (`rule0_matchers`, …) plus one
 * empty group for a new rule: no script needed. A rule whose matchers are emptied is removed.
 */
const ruleIndexes = (body: FormBody) =>
  [...new Set(Object.keys(body).flatMap((k) => /^rule(\d+)_/.exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
const filled = (body: FormBody, i: number) => text(body, `rule${i}_matchers`).trim() !== '';

/** How many rule groups the form shows: the written ones and an empty one. */
export function ruleSlots(form: FormState): number {
  const used = ruleIndexes(form.values).filter((i) => filled(form.values, i));
  return (used.length === 0 ? 0 : Math.max(...used) + 1) + 1;
}

const severitiesFrom = (value: string): Record<string, string> =>
  Object.fromEntries(
    value
      .split(',')
      .map((pair) => pair.split('=').map((s) => s.trim()))
      .filter((pair) => pair[0] !== '' && pair[0] !== undefined)
      .map(([severity, status]) => [severity!, status ?? '']),
  );

export function receiverFromForm(body: FormBody): CreateReceiverInput {
  const rules = ruleIndexes(body)
    .filter((i) => filled(body, i))
    .map((i) => ({
      matchers: text(body, `rule${i}_matchers`)
        .split('\n')
        .map((m) => m.trim())
        .filter((m) => m !== ''),
      componentId: text(body, `rule${i}_componentId`),
      severities: severitiesFrom(text(body, `rule${i}_severities`)) as never,
      defaultStatus: (optional(body, `rule${i}_defaultStatus`) ?? 'partial_outage') as never,
      autoIncident: checked(body, `rule${i}_autoIncident`),
      incidentTemplateId: optional(body, `rule${i}_incidentTemplateId`),
    }));
  return { name: text(body, 'name'), rules };
}

/** Where the verb's paths (`rules.1.matchers.0`) show on this form (`rule3_matchers`). */
export function receiverFormFields(body: FormBody): Record<string, string> {
  const fields: Record<string, string> = {};
  ruleIndexes(body)
    .filter((i) => filled(body, i))
    .forEach((i, k) => {
      for (const field of ['matchers', 'componentId', 'severities', 'defaultStatus', 'incidentTemplateId']) {
        fields[`rules.${k}.${field}`] = `rule${i}_${field}`;
        for (let m = 0; m < 20; m++) fields[`rules.${k}.${field}.${m}`] = `rule${i}_${field}`;
      }
      for (const severity of Object.keys(severitiesFrom(text(body, `rule${i}_severities`))))
        fields[`rules.${k}.severities.${severity}`] = `rule${i}_severities`;
    });
  return fields;
}

export function formFromReceiver(receiver: Receiver): FormBody {
  const values: FormBody = { name: receiver.name };
  receiver.rules.forEach((rule, i) => {
    values[`rule${i}_matchers`] = rule.matchers.join('\n');
    values[`rule${i}_componentId`] = rule.componentId;
    values[`rule${i}_severities`] = Object.entries(rule.severities)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    values[`rule${i}_defaultStatus`] = rule.defaultStatus;
    if (rule.autoIncident) values[`rule${i}_autoIncident`] = 'on';
    values[`rule${i}_incidentTemplateId`] = rule.incidentTemplateId ?? '';
  });
  return values;
}
