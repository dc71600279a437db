import type { Transporter } from 'nodemailer';
import type { NotificationChannel, Delivery, DeliveryResult } from '../channel.ts';
import { renderEmail } from '../templates/email-message.ts';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  /** Connections kept open to the SMTP server and reused. */
  maxConnections?: number;
}

/** SMTP replies 5xx for a refusal that will not change (unknown mailbox); 4xx and lost connections may pass later. */
export function classifySmtpError(error: unknown): DeliveryResult {
  const code = typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  if (typeof code === 'number' && code >= 500) return { ok: false, retryable: false, permanent: true, reason };
  return { ok: false, retryable: true, reason };
}

/** Email through a pool of SMTP connections, with text and HTML parts and RFC 8058 one-click unsubscribe. */
export function createEmailChannel(settings: EmailSettings): NotificationChannel {
  // nodemailer is loaded with the first message, so an instance that sends no email does not carry it.
  let transport: Promise<Transporter> | undefined;
  const connect = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      url: settings.smtpUrl,
      pool: true,
      maxConnections: settings.maxConnections ?? 5,
      maxMessages: Infinity,
    } as never);
  };
  return {
    kind: 'email',
    async send(delivery: Delivery): Promise<DeliveryResult> {
      const { subscriber, content, links } = delivery;
      const to = subscriber.channel === 'email' ? subscriber.address : subscriber.notifyEmail;
      if (to === null) return { ok: false, retryable: false, reason: 'the subscriber has no email address' };
      const body = renderEmail(content, delivery.locale, links);
      const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
      if (content.hasSubscriptionLinks) {
        // Aviso reads no incoming mail, so only the HTTPS one-click address is offered.
        headers['List-Unsubscribe'] = `<${links.unsubscribe}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        transport ??= connect();
        await (
          await transport
        ).sendMail({
          from: settings.from,
          to,
          subject: body.subject,
          text: body.text,
          html: body.html,
          messageId: delivery.messageId,
          headers,
        });
        return { ok: true };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      if (transport !== undefined) (await transport).close();
    },
  };
}
