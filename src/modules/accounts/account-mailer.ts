import type { Transporter } from 'nodemailer';
import { passwordReset, type PasswordResetSettings } from './password-reset.ts';
import { sendPasswordReset } from './send-password-reset.ts';
import type { JobHandlers } from '../../jobs/index.ts';

/** Plain-text mail to members (reset links) through the configured SMTP server; nodemailer loads on first use. */
export function createAccountMailer(settings: { smtpUrl: string; from: string }): NonNullable<PasswordResetSettings['sendMail']> {
  let transport: Promise<Transporter> | undefined;
  return async (mail) => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport({ url: settings.smtpUrl } as never));
    await (
      await transport
    ).sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}

/** The accounts module's jobs: mailing reset links. */
export function createAccountHandlers(settings: PasswordResetSettings): JobHandlers {
  return { [passwordReset.jobName]: async (ctx, payload) => sendPasswordReset(ctx, payload, settings) };
}

/** The settings from the configuration: mail only when `AVISO_SMTP_URL` is set. */
export function passwordResetSettings(config: {
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
}): PasswordResetSettings {
  const from = config.mailFrom ?? `Aviso <status@${new URL(config.publicUrl).hostname}>`;
  return {
    publicUrl: config.publicUrl,
    sendMail: config.smtpUrl === undefined ? undefined : createAccountMailer({ smtpUrl: config.smtpUrl, from }),
  };
}
