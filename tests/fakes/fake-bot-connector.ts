/**
 * A loopback fake of the Bot Connector REST API (the `serviceUrl` Teams gives a bot), with the
 * real response shapes, fault injection, a log of what the bot posted, and a fake token issuer
 * (OpenID metadata + JWKS) for testing the bot's authenticated mode.
 *
 * Routes (all under `serviceUrl`, which ends with `/`):
 * - POST /v3/conversations                                  → 201 { id, activityId, serviceUrl }
 * - POST /v3/conversations/{id}/activities                  → 201 { id }   (a new post; in a channel: a new thread)
 * - POST /v3/conversations/{id}/activities/{activityId}     → 201 { id }   (a reply)
 * - PUT  /v3/conversations/{id}/activities/{activityId}     → 200 { id }   (an update)
 * - DELETE /v3/conversations/{id}/activities/{activityId}   → 200
 * - GET  /v3/teams/{teamId}                                 → { id, name, aadGroupId }
 * - GET  /v3/teams/{teamId}/conversations                   → { conversations: [{ id, name }] } (General has no name)
 * - GET  /v3/conversations/{id}/members, /pagedmembers, /members/{userId}
 * - GET  /v1/meetings/{meetingId}                           → { details, conversation, organizer } (the meeting info API);
 *   403 for a meeting that has not granted the app its permission, 404 for one the fake does not hold
 * - GET  /issuer/v1/.well-known/openidconfiguration, /issuer/keys (token issuer)
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type KeyLike } from 'jose';

export interface FakeChannel {
  id: string;
  /** Teams does not return a name for the General channel. */
  name?: string;
}

export interface FakeTeam {
  id: string;
  name: string;
  aadGroupId: string;
  channels: FakeChannel[];
  members: FakeMember[];
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
}

/** An activity the bot posted or updated, as the connector received it. */
export interface ConnectorActivity {
  conversationId: string;
  activityId: string;
  /** Set for replies (POST …/activities/{replyToId}). */
  replyToId: string | null;
  /** How many times it was updated with PUT. */
  updates: number;
  activity: Record<string, unknown>;
}

export interface ConnectorRequest {
  method: string;
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  authorization: string | null;
  /** With `checkTokens` on: 'valid', or why the bearer token was refused. */
  token?: string;
}

/** What the connector accepts as the bot's bearer token (as the real one checks Entra's tokens). */
export interface TokenCheck {
  key: KeyLike;
  issuer: string;
  /** The Bot Framework audience, https://api.botframework.com. */
  audience: string;
  /** The app id the token must be for (`appid` claim). */
  appId: string;
}

/** A Teams meeting as the meeting info API describes it (Microsoft's documented shape). */
export interface FakeMeetingInfo {
  details: {
    id: string;
    msGraphResourceId?: string;
    scheduledStartTime?: string;
    scheduledEndTime?: string;
    joinUrl?: string;
    title?: string;
    type: string;
  };
  conversation: { isGroup: boolean; conversationType: string; id: string };
  organizer: { id: string; aadObjectId?: string; objectId?: string; tenantId: string };
}

/**
 * A scheduled Teams meeting in its chat `thread` (a private meeting, `0#<thread>#0`), or, with
 * `messageId`, a channel meeting posted in the channel `thread`; its id is what Teams gives a tab.
 */
export function sampleMeetingInfo(options: {
  thread: string;
  messageId?: string;
  start: string;
  end: string;
  title: string;
  tenantId: string;
}): FakeMeetingInfo {
  const message = options.messageId ?? '0';
  const channel = options.messageId !== undefined;
  const id = Buffer.from(`0#${options.thread}#${message}`, 'utf8').toString('base64');
  return {
    details: {
      id,
      msGraphResourceId: Buffer.from(`1*${options.tenantId}*0**${options.thread}`, 'utf8').toString('base64'),
      scheduledStartTime: options.start,
      scheduledEndTime: options.end,
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(options.thread)}/${message}?context=${encodeURIComponent(JSON.stringify({ Tid: options.tenantId }))}`,
      title: options.title,
      type: channel ? 'ChannelScheduled' : 'Scheduled',
    },
    conversation: channel
      ? { isGroup: true, conversationType: 'channel', id: `${options.thread};messageid=${message}` }
      : { isGroup: true, conversationType: 'groupChat', id: options.thread },
    organizer: {
      id: '29:1q4D6ekLXEAALkrqyLXUIcwtVSdXx31bf6vMdfahmkTb9euYVYSsN9x4133pXLV',
      aadObjectId: '16e0b7bb-93d5-4352-99e0-23ee5f2fffe2',
      objectId: '16e0b7bb-93d5-4352-99e0-23ee5f2fffe2',
      tenantId: options.tenantId,
    },
  };
}

export type ConnectorFault =
  | { status: 429; retryAfterSeconds?: number }
  | { status: 403; code?: 'BotNotInConversationRoster' | string }
  | { status: 400 | 404 | 412 | 500 | 502 | 503 | 504 };

export interface FaultRule {
  fault: ConnectorFault;
  /** Answer this many matching requests with the fault (default 1). */
  times: number;
  method?: string;
  /** A substring of the decoded path, e.g. `/activities`. */
  pathIncludes?: string;
}

export interface FakeBotConnector {
  /** The service URL to put in activities (`http://127.0.0.1:PORT/`, with the trailing slash Teams uses). */
  serviceUrl: string;
  teams: Map<string, FakeTeam>;
  requests: ConnectorRequest[];
  /** Everything the bot posted, in order; updates change the entry in place. */
  activities: ConnectorActivity[];
  /** Posts (not replies) in one conversation (a channel id posts new threads). */
  postsIn(conversationId: string): ConnectorActivity[];
  /**
   * Resolves once `conversationId` holds at least `count` posts (checked after every answered
   * request), for posts the bot makes after the call that triggered them has returned.
   */
  waitForPosts(conversationId: string, count: number): Promise<ConnectorActivity[]>;
  /** Answers the next matching requests with `fault`. */
  failNext(fault: ConnectorFault, options?: { times?: number; method?: string; pathIncludes?: string }): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** From now on, every call about this team (its channels) answers 403 BotNotInConversationRoster. */
  removeBotFromTeam(teamId: string): void;
  addTeam(team: FakeTeam): void;
  /**
   * Holds a meeting for the meeting info API, under its `details.id`; `granted: false` answers 403,
   * as for a meeting whose chat or team has not granted the app `OnlineMeeting.ReadBasic.Chat` /
   * `ChannelMeeting.ReadBasic.Group`.
   */
  addMeeting(meeting: FakeMeetingInfo, options?: { granted?: boolean }): void;
  /** Adds a route before the built-in ones (for tests that need more of the API). */
  route(method: 'get' | 'post' | 'put' | 'delete', pattern: string, handler: express.RequestHandler): void;
  /** From now on, every /v3 call must carry a bearer token passing `check` (401 otherwise); null turns it off. */
  checkTokens(check: TokenCheck | null): void;
  /** The token issuer Teams uses to sign its calls to the bot, faked. */
  issuer: FakeTokenIssuer;
  close(): Promise<void>;
}

export interface FakeTokenIssuer {
  /** Use as ToBotFromChannelOpenIdMetadataUrl. */
  openIdMetadataUrl: string;
  /** The `iss` claim of the tokens (the real Bot Framework value). */
  tokenIssuer: string;
  /** A token as the Bot Framework channel signs it for `appId` and `serviceUrl`. */
  signToken(options: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string>;
  /** A well-formed token signed with a key the metadata does not publish. */
  signWithUnknownKey(options: { appId: string; serviceUrl: string }): Promise<string>;
}

export const BOT_ID = '28:bot-app-id';
export const BOT_NAME = 'Balanslistan';

/** A team with General (id = team id), "SVOM" and "Ekonomi" channels and two members. */
export function sampleTeam(overrides: Partial<FakeTeam> = {}): FakeTeam {
  const id = overrides.id ?? '19:general-svom@thread.tacv2';
  return {
    id,
    name: 'SVOM',
    aadGroupId: 'b6e6a2c4-4f3c-4d0b-9a61-6a0f2f0e1a11',
    channels: [{ id }, { id: '19:svom-channel@thread.tacv2', name: 'SVOM' }, { id: '19:ekonomi@thread.tacv2', name: 'Ekonomi' }],
    members: [
      { id: '29:anna', name: 'Anna Andersson', aadObjectId: '00000000-0000-0000-0000-00000000a001', email: 'anna@example.org' },
      { id: '29:bengt', name: 'Bengt Berg', aadObjectId: '00000000-0000-0000-0000-00000000b002', email: 'bengt@example.org' },
    ],
    ...overrides,
  };
}

function errorBody(fault: ConnectorFault): Record<string, unknown> {
  switch (fault.status) {
    case 403:
      return { error: { code: fault.code ?? 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } };
    case 404:
      return { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } };
    case 412:
      return { error: { code: 'PreconditionFailed', message: 'The conversation is being updated; retry.' } };
    case 429:
      return { error: { code: 'TooManyRequests', message: 'Too many requests.' } };
    case 400:
      return { error: { code: 'BadArgument', message: 'Unknown attachment type.' } };
    default:
      return { error: { code: 'ServiceError', message: `Upstream error ${fault.status}.` } };
  }
}

async function startIssuer(baseUrl: string): Promise<{ issuer: FakeTokenIssuer; router: express.Router }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const kid = 'fake-connector-key';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const tokenIssuer = 'https://api.botframework.com';
  const router = express.Router();
  router.get('/issuer/v1/.well-known/openidconfiguration', (_req, res) => {
    res.json({
      issuer: tokenIssuer,
      authorization_endpoint: 'https://invalid.example/oauth',
      jwks_uri: `${baseUrl}issuer/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  router.get('/issuer/keys', (_req, res) => {
    // The real key set lists the channels each key may sign for ("endorsements").
    res.json({ keys: [{ ...jwk, kty: 'RSA', endorsements: ['msteams', 'emulator', 'webchat'] }] });
  });
  const sign = async (key: KeyLike, keyId: string, options: { appId: string; serviceUrl: string; expiresInSeconds?: number }) =>
    new SignJWT({ serviceurl: options.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
      .setIssuer(tokenIssuer)
      .setAudience(options.appId)
      .setNotBefore(Math.floor(Date.now() / 1000) - 60)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600))
      .sign(key);
  return {
    router,
    issuer: {
      openIdMetadataUrl: `${baseUrl}issuer/v1/.well-known/openidconfiguration`,
      tokenIssuer,
      signToken: (options) => sign(privateKey, kid, options),
      signWithUnknownKey: (options) => sign(other.privateKey, kid, options),
    },
  };
}

/** Starts the fake on 127.0.0.1, a free port. */
export async function startFakeBotConnector(options: { teams?: FakeTeam[] } = {}): Promise<FakeBotConnector> {
  const app = express();
  const teams = new Map<string, FakeTeam>((options.teams ?? [sampleTeam()]).map((team) => [team.id, team]));
  const requests: ConnectorRequest[] = [];
  const activities: ConnectorActivity[] = [];
  const faults: FaultRule[] = [];
  const removedTeams = new Set<string>();
  const meetings = new Map<string, { meeting: FakeMeetingInfo; granted: boolean }>();
  const extra = express.Router();
  let tokenCheck: TokenCheck | null = null;

  /** 'valid', or the reason the bearer token in `header` does not pass `check`. */
  const verdict = async (header: string | undefined, check: TokenCheck): Promise<string> => {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!token) return 'no bearer token';
    try {
      const { payload } = await jwtVerify(token, check.key, { issuer: check.issuer, audience: check.audience, algorithms: ['RS256'] });
      return payload.appid === check.appId ? 'valid' : `token for app ${String(payload.appid)}`;
    } catch (error) {
      return error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
    }
  };

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const serviceUrl = `http://127.0.0.1:${port}/`;
  const { issuer, router: issuerRouter } = await startIssuer(serviceUrl);

  const teamOfConversation = (conversationId: string): FakeTeam | null => {
    const base = conversationId.split(';')[0] ?? conversationId;
    for (const team of teams.values()) {
      if (team.id === base || team.channels.some((c) => c.id === base)) return team;
    }
    return null;
  };

  // Conditions tests wait on, checked again each time the fake has answered a request.
  const waiters = new Set<() => boolean>();
  const until = <T>(value: () => T | null): Promise<T> =>
    new Promise((resolve) => {
      const check = (): boolean => {
        const result = value();
        if (result === null) return false;
        waiters.delete(check);
        resolve(result);
        return true;
      };
      if (!check()) waiters.add(check);
    });
  const postsIn = (conversationId: string) => activities.filter((a) => a.conversationId === conversationId && a.replyToId === null);

  app.use((_req, res, next) => {
    res.once('finish', () => [...waiters].forEach((check) => check()));
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.use((req, res, next) => {
    const entry: ConnectorRequest = {
      method: req.method,
      path: decodeURIComponent(req.path),
      status: 0,
      requestBytes: Number(req.headers['content-length'] ?? 0),
      responseBytes: 0,
      authorization: req.headers.authorization ?? null,
    };
    requests.push(entry);
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      entry.status = res.statusCode;
      entry.responseBytes = typeof body === 'string' ? Buffer.byteLength(body) : Buffer.isBuffer(body) ? body.length : 0;
      return send(body);
    };
    if (req.path.startsWith('/issuer/')) return next();
    // A bad token is refused before anything else, as the real connector does.
    if (tokenCheck && (req.path.startsWith('/v3/') || req.path.startsWith('/v1/'))) {
      void verdict(req.headers.authorization, tokenCheck).then((result) => {
        entry.token = result;
        if (result === 'valid') faultsThenRoute(entry, res, next);
        else res.status(401).json({ message: 'Authorization has been denied for this request.' });
      });
      return;
    }
    faultsThenRoute(entry, res, next);
  });

  function faultsThenRoute(entry: ConnectorRequest, res: express.Response, next: express.NextFunction): void {
    const rule = faults.find((f) => f.times > 0 && (!f.method || f.method === entry.method) && (!f.pathIncludes || entry.path.includes(f.pathIncludes)));
    if (rule) {
      rule.times -= 1;
      if (rule.fault.status === 429) res.setHeader('Retry-After', String(rule.fault.retryAfterSeconds ?? 1));
      res.status(rule.fault.status).json(errorBody(rule.fault));
      return;
    }
    const convMatch = /^\/v3\/(?:conversations|teams)\/([^/]+)/.exec(entry.path);
    const team = convMatch?.[1] ? teamOfConversation(convMatch[1]) : null;
    if (team && removedTeams.has(team.id)) {
      res.status(403).json(errorBody({ status: 403 }));
      return;
    }
    next();
  }
  app.use(issuerRouter);
  app.use(extra);

  app.post('/v3/conversations', (req, res) => {
    const params = req.body as { channelData?: { channel?: { id?: string } }; activity?: Record<string, unknown>; isGroup?: boolean };
    const channelId = params.channelData?.channel?.id;
    const activityId = String(Date.now()) + String(activities.length).padStart(4, '0');
    const conversationId = channelId ? `${channelId};messageid=${activityId}` : `a:${randomUUID()}`;
    if (params.activity) activities.push({ conversationId: channelId ?? conversationId, activityId, replyToId: null, updates: 0, activity: params.activity });
    res.status(201).json({ id: conversationId, activityId, serviceUrl });
  });

  app.post('/v3/conversations/:conversationId/activities', (req, res) => {
    const activityId = String(1_700_000_000_000 + activities.length);
    activities.push({ conversationId: req.params.conversationId, activityId, replyToId: null, updates: 0, activity: req.body as Record<string, unknown> });
    res.status(201).json({ id: activityId });
  });

  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const activityId = String(1_700_000_000_000 + activities.length);
    activities.push({
      conversationId: req.params.conversationId,
      activityId,
      replyToId: req.params.activityId,
      updates: 0,
      activity: req.body as Record<string, unknown>,
    });
    res.status(201).json({ id: activityId });
  });

  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const found = activities.find((a) => a.activityId === req.params.activityId);
    if (!found) {
      res.status(404).json(errorBody({ status: 404 }));
      return;
    }
    found.activity = req.body as Record<string, unknown>;
    found.updates += 1;
    res.status(200).json({ id: found.activityId });
  });

  app.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const index = activities.findIndex((a) => a.activityId === req.params.activityId);
    if (index >= 0) activities.splice(index, 1);
    res.status(200).send('');
  });

  app.get('/v3/teams/:teamId/conversations', (req, res) => {
    const team = teams.get(req.params.teamId);
    if (!team) {
      res.status(404).json(errorBody({ status: 404 }));
      return;
    }
    res.json({ conversations: team.channels.map((c) => (c.name ? { id: c.id, name: c.name } : { id: c.id })) });
  });

  app.get('/v3/teams/:teamId', (req, res) => {
    const team = teams.get(req.params.teamId);
    if (!team) {
      res.status(404).json(errorBody({ status: 404 }));
      return;
    }
    res.json({ id: team.id, name: team.name, aadGroupId: team.aadGroupId });
  });

  const memberJson = (m: FakeMember, tenantId = 'tenant-1') => ({
    id: m.id,
    name: m.name,
    aadObjectId: m.aadObjectId,
    email: m.email,
    userPrincipalName: m.email,
    tenantId,
    userRole: 'user',
  });

  app.get('/v3/conversations/:conversationId/members', (req, res) => {
    const team = teamOfConversation(req.params.conversationId);
    res.json((team?.members ?? []).map((m) => memberJson(m)));
  });
  app.get('/v3/conversations/:conversationId/pagedmembers', (req, res) => {
    const team = teamOfConversation(req.params.conversationId);
    res.json({ members: (team?.members ?? []).map((m) => memberJson(m)) });
  });
  app.get('/v3/conversations/:conversationId/members/:userId', (req, res) => {
    const team = teamOfConversation(req.params.conversationId);
    const member = team?.members.find((m) => m.id === req.params.userId || m.aadObjectId === req.params.userId);
    if (!member) {
      res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation.' } });
      return;
    }
    res.json(memberJson(member));
  });

  app.get('/v1/meetings/:meetingId', (req, res) => {
    const held = meetings.get(req.params.meetingId);
    if (!held) {
      res.status(404).json({ error: { code: 'NotFound', message: 'The meeting was not found, or it has expired.' } });
      return;
    }
    if (!held.granted) {
      res.status(403).json({ error: { code: 'Forbidden', message: "The app has not been granted permission to read this meeting's details." } });
      return;
    }
    res.json(held.meeting);
  });

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `No fake route for ${req.method} ${req.path}` } });
  });

  return {
    serviceUrl,
    teams,
    requests,
    activities,
    postsIn,
    waitForPosts: (conversationId, count) =>
      until(() => {
        const posts = postsIn(conversationId);
        return posts.length >= count ? posts : null;
      }),
    failNext: (fault, opts = {}) => {
      faults.push({ fault, times: opts.times ?? 1, method: opts.method, pathIncludes: opts.pathIncludes });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    removeBotFromTeam: (teamId) => {
      removedTeams.add(teamId);
    },
    addTeam: (team) => {
      teams.set(team.id, team);
    },
    addMeeting: (meeting, opts = {}) => {
      meetings.set(meeting.details.id, { meeting, granted: opts.granted ?? true });
    },
    route: (method, pattern, handler) => {
      extra[method](pattern, handler);
    },
    checkTokens: (check) => {
      tokenCheck = check;
    },
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
