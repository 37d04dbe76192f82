import { aadstsHint, aadstsOf, entraReason } from '../../../src/identity/credential-error';

describe('entraReason', () => {
  it("keeps Entra's sentence from msal's server error, without numbers, timestamps and ids", () => {
    const msal =
      'Error(s): 7000215 - Timestamp: 2026-01-12 08:00:00Z - Description: AADSTS7000215: Invalid client secret provided. Trace ID: 0f1e Correlation ID: 9a8b Timestamp: 2026-01-12 08:00:00Z - Correlation ID: 9a8b - Trace ID: 0f1e';
    expect(entraReason(msal)).toBe('AADSTS7000215: Invalid client secret provided.');
  });

  it("takes the managed identity endpoint's description when there is no AADSTS code", () => {
    const msal =
      'Error(s): Not Available - Timestamp: Not Available - Description: Unable to load the proper Managed Identity. - Correlation ID: 1c2d - Trace ID: Not Available';
    expect(entraReason(msal)).toBe('Unable to load the proper Managed Identity.');
  });

  it('falls back to the first line, shortened', () => {
    expect(entraReason('fetch failed\n    at stack')).toBe('fetch failed');
    expect(entraReason('x'.repeat(400))).toHaveLength(300);
  });
});

describe('AADSTS codes', () => {
  it('reads the number and names the fix for the codes an app credential meets', () => {
    expect(aadstsOf('AADSTS700213: No matching federated identity record')).toBe(700213);
    expect(aadstsOf('invalid_client')).toBeNull();
    expect(aadstsHint(700213)).toMatch(/subject the managed identity's object \(principal\) id/);
    expect(aadstsHint(7000222)).toMatch(/expired/);
    expect(aadstsHint(12345)).toBeNull();
  });
});
