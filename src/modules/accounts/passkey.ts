/** A member's passkey as they see it in their account. */
export interface Passkey {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** What Aviso keeps to verify the passkey's signatures; never shown. */
export interface StoredPasskey extends Passkey {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

/** Where passkeys are bound: the relying party is the host of the configured public URL, never a request's Host. */
export interface PasskeySettings {
  rpId: string;
  origin: string;
  rpName: string;
}

export function passkeySettingsFor(publicUrl: string, rpName = 'Aviso'): PasskeySettings {
  const url = new URL(publicUrl);
  return { rpId: url.hostname, origin: url.origin, rpName };
}

/** A challenge is good for five minutes, and once. */
export const passkeyChallengeLifetimeMs = 5 * 60_000;

/** Unused, unexpired challenges one client address may hold: a login takes one, a flood is refused. */
export const openChallengesPerIp = 20;
