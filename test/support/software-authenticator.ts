import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A passkey authenticator in software, as a browser with a platform authenticator answers: it
 * creates discoverable ES256 credentials (attestation "none") and signs login challenges, with the
 * person verified. The outside world of the passkey tests; the browser tests use Chromium's own.
 */
export class SoftwareAuthenticator {
  private readonly credentials: { id: Buffer; key: KeyObject; userHandle: string; counter: number }[] = [];

  constructor(readonly origin: string) {}

  private authData(rpId: string, counter: number, attested?: { id: Buffer; cose: Uint8Array }): Buffer {
    const flags = 0x01 | 0x04 | (attested === undefined ? 0 : 0x40);
    const head = Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), Buffer.alloc(4)]);
    head.writeUInt32BE(counter, 33);
    if (attested === undefined) return head;
    const length = Buffer.alloc(2);
    length.writeUInt16BE(attested.id.length);
    return Buffer.concat([head, Buffer.alloc(16), length, attested.id, Buffer.from(attested.cose)]);
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Answers `navigator.credentials.create()` with these options; `origin` stands for a page elsewhere. */
  register(options: { challenge: string; rp: { id?: string }; user: { id: string } }, origin = this.origin): string {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const id = randomBytes(16);
    this.credentials.push({ id, key: privateKey, userHandle: options.user.id, counter: 0 });
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', this.authData(options.rp.id ?? '', 0, { id, cose })],
      ]) as never,
    );
    return JSON.stringify({
      id: id.toString('base64url'),
      rawId: id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, origin).toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  }

  /** Answers `navigator.credentials.get()` with the newest passkey it holds (or the one given). */
  authenticate(options: { challenge: string; rpId?: string }, which = this.credentials.length - 1, origin = this.origin): string {
    const credential = this.credentials[which];
    if (credential === undefined) throw new Error('the authenticator holds no passkey');
    credential.counter += 1;
    const authenticatorData = this.authData(options.rpId ?? '', credential.counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, origin);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      credential.key,
    );
    return JSON.stringify({
      id: credential.id.toString('base64url'),
      rawId: credential.id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  }
}
