import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from './http-fake.ts';

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/**
 * The Bot Framework's token signing side: an OpenID metadata document, its JWKS (keys endorsed for
 * `msteams`), and RS256 tokens shaped like the ones the Bot Connector sends to bots.
 */
export class BotFrameworkKeys {
  readonly kid = 'em-agent-test-key';
  readonly issuer = 'https://api.botframework.com';
  #privateKey: KeyObject;
  #publicKey: KeyObject;
  #baseUrl = '';

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.#privateKey = pair.privateKey;
    this.#publicKey = pair.publicKey;
  }

  metadataUrl(baseUrl: string): string {
    this.#baseUrl = baseUrl;
    return `${baseUrl}/v1/.well-known/openidconfiguration`;
  }

  /** Serves the metadata and keys; returns false for any other path. */
  route(request: RecordedRequest, response: ServerResponse): boolean {
    if (request.path === '/v1/.well-known/openidconfiguration') {
      sendJson(response, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.#baseUrl}/v1/authorize`,
        jwks_uri: `${this.#baseUrl}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
      return true;
    }
    if (request.path === '/v1/.well-known/keys') {
      const jwk = this.#publicKey.export({ format: 'jwk' });
      sendJson(response, 200, { keys: [{ ...jwk, kid: this.kid, use: 'sig', endorsements: ['msteams'] }] });
      return true;
    }
    return false;
  }

  /** A channel-to-bot token; `signingKey` lets a test forge one with a key the metadata does not publish. */
  token(claims: { audience: string; serviceUrl: string }, signingKey: KeyObject = this.#privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = base64url(
      JSON.stringify({
        serviceurl: claims.serviceUrl,
        nbf: now - 60,
        exp: now + 3600,
        iss: this.issuer,
        aud: claims.audience,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(signingKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }
}

export function otherPrivateKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
