import { GraphError } from '@microsoft/microsoft-graph-client';
import { SourceError } from '../../../src/errors';
import { toSourceError } from '../../../src/sharepoint/graph-errors';

function graphError(status: number, code: string | null, message: string): GraphError {
  const error = new GraphError(status, message);
  error.code = code;
  return error;
}

describe('toSourceError', () => {
  it.each([
    [400, 'invalidRequest', 'bad-request'],
    [401, 'InvalidAuthenticationToken', 'unauthorized'],
    [403, 'accessDenied', 'forbidden'],
    [404, 'itemNotFound', 'not-found'],
    [410, 'resyncRequired', 'resync-required'],
    [412, 'preconditionFailed', 'conflict'],
    [429, 'TooManyRequests', 'throttled'],
    [503, 'serviceNotAvailable', 'unavailable'],
    [504, 'gatewayTimeout', 'unavailable'],
    [500, 'generalException', 'graph-error'],
  ])("maps %i %s to %s, keeping the status and Graph's words", (status, code, expected) => {
    const mapped = toSourceError(graphError(status, code, 'Graph said so'), { target: 'the list "Balanslista SVOM"' });
    expect(mapped).toBeInstanceOf(SourceError);
    expect(mapped.code).toBe(expected);
    expect(mapped.status).toBe(status);
    expect(mapped.message).toContain(`${status} ${code}: Graph said so`);
    expect(mapped.cause).toBeInstanceOf(GraphError);
  });

  it('names read or write access and the permission on 403', () => {
    expect(toSourceError(graphError(403, 'accessDenied', 'Access denied'), { target: 'the site X' }).message).toMatch(/Sites\.Selected.*read access/);
    expect(toSourceError(graphError(403, 'accessDenied', 'Access denied'), { target: 'item 3', write: true }).message).toMatch(/write access/);
  });

  it('starts a not-found message with the target', () => {
    expect(toSourceError(graphError(404, 'itemNotFound', 'Item not found'), { target: 'the list "Möten SVOM"' }).message).toMatch(
      /^The list "Möten SVOM" was not found/,
    );
  });

  it("maps the chain's own failures by kind", () => {
    const network = graphError(-1, 'GraphTransportError:network', 'Could not reach Microsoft Graph at graph.microsoft.com (ECONNREFUSED)');
    expect(toSourceError(network)).toMatchObject({ code: 'network', status: null });
    expect(toSourceError(graphError(-1, 'GraphTransportError:auth', 'Could not get a token'))).toMatchObject({ code: 'auth', status: 401 });
    expect(toSourceError(graphError(-1, 'GraphTransportError:throttled', 'wait'))).toMatchObject({ code: 'throttled', status: 429 });
  });

  it('passes a SourceError through and wraps anything else', () => {
    const original = new SourceError('conflict', 'x', 412);
    expect(toSourceError(original)).toBe(original);
    expect(toSourceError(new TypeError('boom'))).toMatchObject({ code: 'graph-error', message: expect.stringContaining('boom') });
  });
});
