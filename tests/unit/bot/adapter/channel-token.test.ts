/**
 * The channel-token check against a loopback issuer whose metadata and key set this test
 * controls: endorsements, algorithms, key rotation, clock skew and the service URL claim.
 * (The endpoint's 401 answers and log lines are tested through HTTP in
 * tests/integration/bot/authentication.test.ts.)
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { ChannelTokenValidator } from '../../../../bot/adapter';

const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

interface Issuer {
  metadataUrl: string;
  keys: Array<JWK & { endorsements?: string[] }>;
  keyReads: number;
  close(): Promise<void>;
}

async function startIssuer(): Promise<Issuer> {
  const app = express();
  const state = { keys: [] as Issuer['keys'], keyReads: 0 };
  let base = '';
  app.get('/v1/.well-known/openidconfiguration', (_req, res) => res.json({ issuer: ISSUER, jwks_uri: `${base}/v1/.well-known/keys` }));
  app.get('/v1/.well-known/keys', (_req, res) => {
    state.keyReads += 1;
    res.json({ keys: state.keys });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    get keys() {
      return state.keys;
    },
    set keys(value) {
      state.keys = value;
    },
    get keyReads() {
      return state.keyReads;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function signingKey(kid: string, endorsements?: string[]): Promise<{ privateKey: KeyLike; jwk: JWK & { endorsements?: string[] } }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', ...(endorsements ? { endorsements } : {}) } };
}

function token(key: KeyLike, kid: string, claims: { iss?: string; aud?: string; serviceurl?: string; exp?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? SERVICE_URL })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

const activity = { serviceUrl: SERVICE_URL, channelId: 'msteams' };

let issuer: Issuer;
beforeEach(async () => {
  issuer = await startIssuer();
});
afterEach(async () => {
  await issuer.close();
});

const validator = (now?: () => number) => new ChannelTokenValidator(APP_ID, { openIdMetadataUrl: issuer.metadataUrl, tokenIssuer: ISSUER }, now);
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: Error) => error.message,
  );

test('a token from the channel, for this bot and this service URL, is accepted (the URL compared without case or trailing slash)', async () => {
  const key = await signingKey('k1', ['msteams']);
  issuer.keys = [key.jwk];
  const caller = await validator().check(`Bearer ${await token(key.privateKey, 'k1')}`, {
    ...activity,
    serviceUrl: SERVICE_URL.toUpperCase().replace(/\/$/, ''),
  });
  expect(caller.appId).toBe(APP_ID);
});

test("a key not endorsed for the activity's channel is refused", async () => {
  const key = await signingKey('k1', ['webchat', 'emulator']);
  issuer.keys = [key.jwk];
  expect(await reasonOf(validator().check(`Bearer ${await token(key.privateKey, 'k1')}`, activity))).toBe(
    'the signing key is not endorsed for the channel msteams',
  );
});

test('another issuer, another audience, another service URL or an expired token are refused, each saying why', async () => {
  const key = await signingKey('k1', ['msteams']);
  issuer.keys = [key.jwk];
  const check = async (claims: Parameters<typeof token>[2]) => reasonOf(validator().check(`Bearer ${await token(key.privateKey, 'k1', claims)}`, activity));
  expect(await check({ iss: 'https://sts.windows.net/some-tenant/' })).toBe('jwt issuer invalid: not the channel');
  expect(await check({ aud: 'another-bot' })).toBe('jwt audience invalid: the token is not for this app id');
  expect(await check({ serviceurl: 'https://evil.example/' })).toBe('the token was issued for another service URL than the activity names');
  expect(await check({ exp: Math.floor(Date.now() / 1000) - 600 })).toBe('jwt expired');
});

test('five minutes of clock skew are allowed, not more', async () => {
  const key = await signingKey('k1', ['msteams']);
  issuer.keys = [key.jwk];
  const now = Math.floor(Date.now() / 1000);
  expect(await reasonOf(validator().check(`Bearer ${await token(key.privateKey, 'k1', { exp: now - 240 })}`, activity))).toBe('accepted');
  expect(await reasonOf(validator().check(`Bearer ${await token(key.privateKey, 'k1', { exp: now - 360 })}`, activity))).toBe('jwt expired');
});

test('only RS256 with a named key: an unsigned or HMAC token is refused before any key is read', async () => {
  const header = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = header({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 3600 });
  expect(await reasonOf(validator().check(`Bearer ${header({ alg: 'none' })}.${body}.`, activity))).toBe('jwt algorithm none is not allowed');
  expect(await reasonOf(validator().check(`Bearer ${header({ alg: 'HS256', kid: 'k1' })}.${body}.c2ln`, activity))).toBe('jwt algorithm HS256 is not allowed');
  expect(await reasonOf(validator().check('Basic dXNlcjpwYXNz', activity))).toBe('the Authorization header is not a bearer token');
  expect(await reasonOf(validator().check('', activity))).toBe('no Authorization header');
  expect(issuer.keyReads).toBe(0);
});

test('a rotated key is found by reading the key set again; an unknown one does not make every call read it', async () => {
  let clock = Date.now();
  const check = validator(() => clock);
  const first = await signingKey('k1', ['msteams']);
  issuer.keys = [first.jwk];
  expect(await reasonOf(check.check(`Bearer ${await token(first.privateKey, 'k1')}`, activity))).toBe('accepted');
  expect(issuer.keyReads).toBe(1);

  // The channel publishes a new key and later signs with it: the first call with it reads the set again.
  const second = await signingKey('k2', ['msteams']);
  issuer.keys = [first.jwk, second.jwk];
  clock += 60 * 1000;
  expect(await reasonOf(check.check(`Bearer ${await token(second.privateKey, 'k2')}`, activity))).toBe('accepted');
  expect(issuer.keyReads).toBe(2);

  // A key nobody publishes: refused, and within 30 seconds it is not looked up again.
  const stranger = await signingKey('k3', ['msteams']);
  for (let i = 0; i < 3; i += 1) {
    expect(await reasonOf(check.check(`Bearer ${await token(stranger.privateKey, 'k3')}`, activity))).toBe(
      'the token is signed with a key the channel does not publish',
    );
  }
  expect(issuer.keyReads).toBe(2);
  clock += 31 * 1000;
  await reasonOf(check.check(`Bearer ${await token(stranger.privateKey, 'k3')}`, activity));
  expect(issuer.keyReads).toBe(3);
});
