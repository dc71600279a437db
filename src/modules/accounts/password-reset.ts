/**
 * A reset link is valid for an hour, and an address gets at most three of them an hour. One client
 * address may send the "forgot password" form five times in 15 minutes.
 */
export const passwordReset = {
  lifetimeMs: 3600_000,
  perAddressPerHour: 3,
  perIp: 5,
  perIpWindowMs: 15 * 60_000,
  jobName: 'accounts.send-password-reset',
} as const;

/** What the reset mail needs from outside the module: where the admin app is, and a way to send mail. */
export interface PasswordResetSettings {
  publicUrl: string;
  /** Undefined when Aviso has no SMTP server: the request is then recorded and no mail goes out. */
  sendMail: ((mail: { to: string; subject: string; text: string }) => Promise<void>) | undefined;
}
