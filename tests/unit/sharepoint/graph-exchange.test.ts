import { describeTokenFailure, retryAfterMs } from '../../../src/sharepoint/graph-exchange';

describe('retryAfterMs', () => {
  const now = Date.parse('2022-12-30T10:00:00Z');

  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    ['1.5', 1500],
    [' 7 ', 7000],
  ])('reads %p seconds', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it('reads an HTTP date, and a past date as no wait', () => {
    expect(retryAfterMs('Fri, 30 Dec 2022 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 30 Dec 2022 09:00:00 GMT', now)).toBe(0);
  });

  it.each([null, '', 'soon', '-5'])('gives null for %p', (header) => {
    expect(retryAfterMs(header, now)).toBeNull();
  });
});

describe('describeTokenFailure', () => {
  it('keeps the AADSTS sentence and drops trace ids', () => {
    const error = {
      errorCode: 'invalid_client',
      errorMessage: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the value. Trace ID: 1 Correlation ID: 2',
    };
    expect(describeTokenFailure(error)).toBe('Could not get an app-only token for Microsoft Graph from Entra ID (invalid_client: AADSTS7000215: Invalid client secret provided.)');
  });

  it('falls back to the first line of any other error', () => {
    expect(describeTokenFailure(new Error('fetch failed\nstack'))).toBe('Could not get an app-only token for Microsoft Graph from Entra ID (fetch failed)');
  });
});
