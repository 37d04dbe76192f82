import { backoffMs, boundedRetryPolicy, classifyDeliveryError, retryAfterMs } from '../../../../bot/adapter';
import { isLoopbackAddress } from '../../../../src/loopback';

function response(status: number, retryAfter?: string) {
  return { status, headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } };
}

describe('boundedRetryPolicy', () => {
  const request = { url: 'http://127.0.0.1/v3/conversations/x/activities', method: 'POST' };

  test('429 waits Retry-After plus jitter, then succeeds', async () => {
    const waits: number[] = [];
    const answers = [response(429, '2'), response(201)];
    const policy = boundedRetryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 }, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    const result = await policy.sendRequest(request, async () => answers.shift()!);
    expect(result.status).toBe(201);
    expect(waits).toEqual([2050]);
  });

  test('412, 502, 503 and 504 back off exponentially with jitter and stop after maxRetries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const policy = boundedRetryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 }, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    const result = await policy.sendRequest(request, async () => response([412, 502, 503, 504][calls++ % 4]!));
    expect(result.status).toBe(504);
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  test('a Retry-After longer than the cap is not waited out', async () => {
    const waits: number[] = [];
    const policy = boundedRetryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 }, { sleep: async (ms) => void waits.push(ms) });
    const result = await policy.sendRequest(request, async () => response(429, '3600'));
    expect(result.status).toBe(429);
    expect(waits).toEqual([]);
  });

  test('other answers are returned at once', async () => {
    let calls = 0;
    const policy = boundedRetryPolicy(undefined, { sleep: async () => undefined });
    for (const status of [201, 400, 403, 404]) {
      expect((await policy.sendRequest(request, async () => (calls++, response(status)))).status).toBe(status);
    }
    expect(calls).toBe(4);
  });

  test('network errors are retried, other errors thrown at once', async () => {
    let calls = 0;
    const policy = boundedRetryPolicy({ maxRetries: 2, baseDelayMs: 1, maxDelayMs: 10 }, { sleep: async () => undefined });
    await expect(
      policy.sendRequest(request, async () => {
        calls++;
        throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      }),
    ).rejects.toThrow('refused');
    expect(calls).toBe(3);
    await expect(
      policy.sendRequest(request, async () => {
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
  });
});

test('retryAfterMs reads seconds and HTTP dates', () => {
  expect(retryAfterMs('3')).toBe(3000);
  expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
  expect(retryAfterMs('soon')).toBeNull();
  expect(retryAfterMs(undefined)).toBeNull();
});

test('backoff is capped', () => {
  expect(backoffMs(20, { maxRetries: 30, baseDelayMs: 500, maxDelayMs: 30_000 }, () => 1)).toBe(45_000);
  expect(backoffMs(20, { maxRetries: 30, baseDelayMs: 500, maxDelayMs: 30_000 }, () => 0)).toBe(15_000);
});

describe('classifyDeliveryError', () => {
  const error = (statusCode: number, code = '') => Object.assign(new Error('x'), { statusCode, code });
  test.each([
    [403, 'BotNotInConversationRoster', 'gone'],
    [404, 'ConversationNotFound', 'gone'],
    [403, 'ConversationBlockedByUser', 'failed'],
    [429, 'TooManyRequests', 'retryable'],
    [412, '', 'retryable'],
    [502, '', 'retryable'],
    [503, '', 'retryable'],
    [504, '', 'retryable'],
    [400, 'BadArgument', 'failed'],
    [401, '', 'failed'],
  ])('%i %s is %s', (status, code, kind) => {
    expect(classifyDeliveryError(error(status, code))).toMatchObject({ ok: false, kind, status });
  });
  test("the SDK client's errors: the connector's answer (status, error code) decides", () => {
    const answered = (status: number, code: string) =>
      Object.assign(new Error(`Request failed with status code ${status}`), {
        isAxiosError: true,
        code: 'ERR_BAD_REQUEST',
        response: { status, data: { error: { code, message: 'm' } } },
      });
    expect(classifyDeliveryError(answered(403, 'BotNotInConversationRoster'))).toMatchObject({
      kind: 'gone',
      status: 403,
      message: 'BotNotInConversationRoster: m',
    });
    expect(classifyDeliveryError(answered(503, 'ServiceError'))).toMatchObject({ kind: 'retryable', status: 503 });
    expect(classifyDeliveryError(answered(400, 'BadArgument'))).toMatchObject({ kind: 'failed', status: 400 });
    expect(classifyDeliveryError(Object.assign(new Error('connect ECONNREFUSED'), { isAxiosError: true, code: 'ECONNREFUSED' }))).toMatchObject({
      kind: 'retryable',
      status: 0,
    });
  });
  test('a refused connection is retryable', () => {
    expect(classifyDeliveryError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ kind: 'retryable', status: 0 });
  });
});

test('isLoopbackAddress', () => {
  expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3'].every(isLoopbackAddress)).toBe(true);
  expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', undefined, ''].some((a) => isLoopbackAddress(a))).toBe(false);
});
