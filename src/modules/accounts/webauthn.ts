import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';

export {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
};

const base64url = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*$/);

/** The browser's answer, as @simplewebauthn/browser sends it; parsed before the library sees it. */
const registrationSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
  clientExtensionResults: z.object({}).passthrough(),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

const authenticationSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.object({}).passthrough(),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation_failed', 'The passkey’s answer is not readable; try again.', [
      { path: 'response', message: 'is not JSON' },
    ]);
  }
}

function parse<T>(schema: z.ZodType<T>, text: string): T {
  const parsed = schema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The passkey’s answer is not readable; try again.', [
      { path: 'response', message: 'is not a passkey answer' },
    ]);
  }
  return parsed.data;
}

export const parseRegistration = (text: string): RegistrationResponseJSON => parse(registrationSchema, text) as RegistrationResponseJSON;
export const parseAuthentication = (text: string): AuthenticationResponseJSON =>
  parse(authenticationSchema, text) as AuthenticationResponseJSON;

/** The challenge a browser's answer signed, read from its client data (it is checked again by the library). */
export function challengeOf(response: { response: { clientDataJSON: string } }): string {
  const clientData = parseJson(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'));
  const challenge = z.object({ challenge: base64url }).safeParse(clientData);
  if (!challenge.success) {
    throw new AppError('validation_failed', 'The passkey’s answer is not readable; try again.', [
      { path: 'response', message: 'has no challenge' },
    ]);
  }
  return challenge.data.challenge;
}
