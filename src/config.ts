import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import type { OidcSettings, Role } from './modules/accounts/index.ts';
import { parseDnsServers, parsePrivateAllowance, type OutboundPolicy } from './outbound/index.ts';

/**
 * The only reader of process.env. Everything else receives a frozen Config.
 * A bad value stops the start with every problem listed at once.
 */
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const environmentSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('0.0.0.0')),
  AVISO_DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  AVISO_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  AVISO_EXAMPLE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be an example name such as "kinescope", or "none"')
      .default('kinescope'),
  ),
  AVISO_LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  AVISO_SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  AVISO_MAIL_FROM: z.preprocess(emptyToUndefined, z.string().min(3).optional()),
  AVISO_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email('must be an email address').optional()),
  AVISO_ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(10, 'must be at least 10 characters').optional()),
  AVISO_ALLOW_PRIVATE_TARGETS: z.preprocess(emptyToUndefined, z.string().optional()),
  AVISO_DNS_SERVERS: z.preprocess(emptyToUndefined, z.string().optional()),
  AVISO_SHUTDOWN_TIMEOUT: z.preprocess(emptyToUndefined, z.coerce.number().min(1).max(600).default(10)),
  AVISO_ACCESS_LOG: z.preprocess(emptyToUndefined, z.enum(['all', 'errors', 'off'], 'must be all, errors or off').default('all')),
  AVISO_METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  AVISO_API_MONITORS_MAY_REACH_PRIVATE: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], 'must be true or false').default('false')),
  AVISO_MONITOR_RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(31).max(3650).default(365)),
  AVISO_TRUST_PROXY: z.preprocess(emptyToUndefined, z.string().optional()),
  AVISO_PASSWORD_COST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(14, 'must be 14 or more').max(20, 'must be 20 or less').default(17),
  ),
  AVISO_OIDC_ISSUER: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: "must be the identity provider's http(s):// issuer URL" }).optional(),
  ),
  AVISO_OIDC_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  AVISO_OIDC_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().max(2000).optional()),
  AVISO_OIDC_NAME: z.preprocess(emptyToUndefined, z.string().max(60).default('single sign-on')),
  AVISO_OIDC_ALLOWED_DOMAINS: z.preprocess(emptyToUndefined, z.string().optional()),
  AVISO_OIDC_ROLE_CLAIM: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  AVISO_OIDC_ROLE_MAP: z.preprocess(emptyToUndefined, z.string().optional()),
  AVISO_OIDC_NEW_MEMBERS: z.preprocess(
    emptyToUndefined,
    z.enum(['refuse', 'admin', 'editor', 'viewer'], 'must be refuse, admin, editor or viewer').default('refuse'),
  ),
  AVISO_NOW: z.preprocess(
    emptyToUndefined,
    z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time such as 2026-11-29T12:00:00Z' }).optional(),
  ),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** The page's public address without a trailing slash; links in feeds and emails use it. */
  readonly publicUrl: string;
  readonly example: string;
  readonly logLevel: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string | undefined;
  readonly admin: { email: string; password: string } | undefined;
  /** Webhooks, chat, and every other request to an address someone gave: which private ranges, which resolvers. */
  readonly outbound: { policy: OutboundPolicy; dnsServers: readonly string[] };
  /** Seconds a stop (SIGTERM/SIGINT) may take to finish requests and the running job before Aviso exits anyway. */
  readonly shutdownTimeoutSeconds: number;
  /** One log line per request: every request, only those answered 4xx/5xx, or none. */
  readonly accessLog: 'all' | 'errors' | 'off';
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined;
  /**
   * Whether API keys may create monitors that reach the private addresses AVISO_ALLOW_PRIVATE_TARGETS
   * allows (the admin app's owners and admins always may).
   */
  readonly apiMonitorsMayReachPrivate: boolean;
  /** Days a monitor's daily aggregates are kept (raw results a day, hourly ones 30 days). */
  readonly monitorRetentionDays: number;
  /** Whether AVISO_PUBLIC_URL was set (the doctor warns when it was not). */
  readonly publicUrlIsSet: boolean;
  /** Whose X-Forwarded-For gives the client's address (audit log, per-address limits); nobody by default. */
  readonly trustProxy: TrustProxy;
  /** Sign-in through the team's OpenID Connect provider (docs/security.md); off unless AVISO_OIDC_ISSUER is set. */
  readonly oidc: OidcSettings | undefined;
  /** When set (AVISO_NOW), the server's clock starts at this instant and runs on: browser tests pin "today" with it. */
  readonly clockStart: Date | undefined;
  /**
   * scrypt's N for new password hashes, as a power of two: 17 (OWASP's minimum) unless AVISO_PASSWORD_COST
   * lowers it for a machine that cannot spare 128 MiB per login, or for tests, which log in thousands of times.
   */
  readonly passwordCost: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Aviso cannot start; the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? null)})`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.AVISO_ADMIN_EMAIL === undefined) !== (e.AVISO_ADMIN_PASSWORD === undefined)) {
    problems.push('AVISO_ADMIN_EMAIL and AVISO_ADMIN_PASSWORD must be set together');
  }
  const allowance = parsePrivateAllowance(e.AVISO_ALLOW_PRIVATE_TARGETS);
  if (!allowance.ok) problems.push(`AVISO_ALLOW_PRIVATE_TARGETS: ${allowance.problem}`);
  const dnsServers = parseDnsServers(e.AVISO_DNS_SERVERS);
  if (!dnsServers.ok) problems.push(`AVISO_DNS_SERVERS: ${dnsServers.problem}`);
  const trustProxy = parseTrustProxy(e.AVISO_TRUST_PROXY);
  if (!trustProxy.ok) problems.push(`AVISO_TRUST_PROXY: ${trustProxy.problem}`);
  const oidc = parseOidc(e, problems);
  const examples = bundledExamples();
  if (e.AVISO_EXAMPLE !== 'none' && !examples.includes(e.AVISO_EXAMPLE)) {
    problems.push(
      `AVISO_EXAMPLE: there is no example page "${e.AVISO_EXAMPLE}"; the examples are: ${examples.join(', ')} (or "none" for a blank page)`,
    );
  }
  if (problems.length > 0 || !allowance.ok || !dnsServers.ok || !trustProxy.ok) throw new ConfigError(problems);

  const dataDir = resolve(e.AVISO_DATA_DIR);
  const host = e.HOST;
  const publicUrl = e.AVISO_PUBLIC_URL ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${e.PORT}`;
  return Object.freeze({
    port: e.PORT,
    host,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'sqlite' as const, file: resolve(dataDir, 'aviso.sqlite') },
    publicUrl,
    example: e.AVISO_EXAMPLE,
    logLevel: e.AVISO_LOG_LEVEL,
    smtpUrl: e.AVISO_SMTP_URL,
    mailFrom: e.AVISO_MAIL_FROM,
    admin: e.AVISO_ADMIN_EMAIL && e.AVISO_ADMIN_PASSWORD ? { email: e.AVISO_ADMIN_EMAIL, password: e.AVISO_ADMIN_PASSWORD } : undefined,
    outbound: { policy: allowance.policy, dnsServers: dnsServers.servers },
    shutdownTimeoutSeconds: e.AVISO_SHUTDOWN_TIMEOUT,
    accessLog: e.AVISO_ACCESS_LOG,
    metricsToken: e.AVISO_METRICS_TOKEN,
    monitorRetentionDays: e.AVISO_MONITOR_RETENTION_DAYS,
    apiMonitorsMayReachPrivate: e.AVISO_API_MONITORS_MAY_REACH_PRIVATE === 'true',
    publicUrlIsSet: e.AVISO_PUBLIC_URL !== undefined,
    trustProxy: trustProxy.trustProxy,
    oidc,
    clockStart: e.AVISO_NOW === undefined ? undefined : new Date(e.AVISO_NOW),
    passwordCost: e.AVISO_PASSWORD_COST,
  });
}

type Environment = z.infer<typeof environmentSchema>;

/**
 * The OIDC settings: issuer, client id and secret together; domains as a comma list; the role map
 * as `value=role` pairs (`aviso-admins=admin,sre=editor`), never to owner, which only an owner gives.
 */
function parseOidc(e: Environment, problems: string[]): OidcSettings | undefined {
  const set = [e.AVISO_OIDC_ISSUER, e.AVISO_OIDC_CLIENT_ID, e.AVISO_OIDC_CLIENT_SECRET].filter((v) => v !== undefined).length;
  if (set === 0) return undefined;
  if (set !== 3) {
    problems.push('AVISO_OIDC_ISSUER, AVISO_OIDC_CLIENT_ID and AVISO_OIDC_CLIENT_SECRET must be set together');
    return undefined;
  }
  const allowedDomains = (e.AVISO_OIDC_ALLOWED_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d !== '');
  for (const domain of allowedDomains) {
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(domain)) problems.push(`AVISO_OIDC_ALLOWED_DOMAINS: "${domain}" is not a domain name`);
  }
  const roleMap: Record<string, Exclude<Role, 'owner'>> = {};
  for (const pair of (e.AVISO_OIDC_ROLE_MAP ?? '').split(',').filter((p) => p.trim() !== '')) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || value === '' || !(['admin', 'editor', 'viewer'] as string[]).includes(role)) {
      problems.push(`AVISO_OIDC_ROLE_MAP: "${pair.trim()}" must be value=role with role admin, editor or viewer`);
    } else roleMap[value] = role as Exclude<Role, 'owner'>;
  }
  if ((e.AVISO_OIDC_ROLE_CLAIM === undefined) !== (Object.keys(roleMap).length === 0)) {
    problems.push('AVISO_OIDC_ROLE_CLAIM and AVISO_OIDC_ROLE_MAP must be set together');
  }
  return {
    issuer: e.AVISO_OIDC_ISSUER!,
    clientId: e.AVISO_OIDC_CLIENT_ID!,
    clientSecret: e.AVISO_OIDC_CLIENT_SECRET!,
    name: e.AVISO_OIDC_NAME,
    allowedDomains,
    roleClaim: e.AVISO_OIDC_ROLE_CLAIM,
    roleMap,
    newMembers: e.AVISO_OIDC_NEW_MEMBERS,
  };
}

/** Which database the test suite runs on: SQLite unless TEST_DB=postgres. */
export function loadTestDatabase(
  env: Record<string, string | undefined> = process.env,
): { kind: 'sqlite' } | { kind: 'postgres'; url: string } {
  if (env['TEST_DB'] === 'postgres') {
    return { kind: 'postgres', url: env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' };
  }
  return { kind: 'sqlite' };
}

/** The example pages shipped in `examples/` (AVISO_EXAMPLE names one of them). */
function bundledExamples(): string[] {
  return readdirSync(new URL('../examples/', import.meta.url))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The process environment, for commands that check a configuration rather than load it (`aviso doctor`). */
export function environment(): Record<string, string | undefined> {
  return { ...process.env };
}
