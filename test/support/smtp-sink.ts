import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { confirmSubscription, subscribe } from '../../src/modules/subscribers/index.ts';
import type { Ctx } from '../../src/shared/context.ts';
import type { Locale } from '../../src/shared/locales.ts';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** A header as it was sent (mailparser restructures List-* headers). */
  header(name: string): string | undefined;
  parsed: ParsedMail;
}

function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. Addresses in `refuse` get a
 * permanent 550; with `parse: false` bodies are only counted per recipient (for load).
 */
export async function startSmtpSink(options: { refuse?: Set<string>; parse?: boolean; delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const counts = new Map<string, number>();
  const parse = options.parse ?? true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.has(address.address.toLowerCase())) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      if (!parse) {
        stream.on('data', () => {});
        stream.on('end', () => {
          for (const to of recipients) counts.set(to, (counts.get(to) ?? 0) + 1);
          callback();
        });
        return;
      }
      simpleParser(stream).then(
        async (mail) => {
          if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          for (const to of recipients) counts.set(to, (counts.get(to) ?? 0) + 1);
          received.push({
            to: recipients,
            messageId: mail.messageId ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headers,
            header: (name) => rawHeader(mail, name),
            parsed: mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that dies mid-session (a worker killed on purpose) resets its connection; that is not
  // the sink's failure, and an unheard 'error' event would crash the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    counts,
    to: (address: string) => received.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Subscribes `address` by email and confirms it with the link its confirmation email carries, as a
 * reader does: `deliver` runs the jobs that send that email to `smtp`.
 */
export async function subscribeConfirmed(
  ctx: Ctx,
  reader: { address: string; locale: Locale; ip?: string },
  endpoints: Parameters<typeof subscribe>[3],
  smtp: Pick<SmtpSink, 'to'>,
  deliver: () => Promise<unknown>,
): Promise<void> {
  await subscribe(ctx, { address: reader.address, locale: reader.locale }, { ip: reader.ip ?? '192.0.2.1' }, endpoints);
  await deliver();
  const token = smtp
    .to(reader.address)
    .at(-1)
    ?.text.match(/\/subscriptions\/confirm\/(\S+)/)?.[1];
  if (token === undefined) throw new Error(`no confirmation email reached ${reader.address}`);
  await confirmSubscription(ctx, token);
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
