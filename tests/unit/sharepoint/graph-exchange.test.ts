import { describeTokenFailure } from '../../../src/sharepoint/graph-exchange';

describe('describeTokenFailure', () => {
  it('keeps the AADSTS sentence and drops trace ids', () => {
    const error = {
      errorCode: 'invalid_client',
      errorMessage: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the value. Trace ID: 1 Correlation ID: 2',
    };
    expect(describeTokenFailure(error)).toBe(
      'Could not get an app-only token for Microsoft Graph from Entra ID (invalid_client: AADSTS7000215: Invalid client secret provided.)',
    );
  });

  it('falls back to the first line of any other error', () => {
    expect(describeTokenFailure(new Error('fetch failed\nstack'))).toBe('Could not get an app-only token for Microsoft Graph from Entra ID (fetch failed)');
  });
});
