import { spawnSync } from 'node:child_process';
import { LOOPBACK_ONLY_NODE_ARGS } from '../../../../bot/playground/loopback-only';

/** Where a server that names no host ends up listening, with and without the preload. */
function boundAddress(nodeArgs: string[], listenCall: string): string {
  const script = `const http = require('node:http'); const s = http.createServer(); s.${listenCall}; s.on('listening', () => { process.stdout.write(s.address().address); s.close(); });`;
  const result = spawnSync(process.execPath, [...nodeArgs, '-e', script], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('the playground preload', () => {
  it('binds a listener that names no host to loopback', () => {
    expect(boundAddress(LOOPBACK_ONLY_NODE_ARGS, 'listen(0)')).toBe('127.0.0.1');
    expect(boundAddress(LOOPBACK_ONLY_NODE_ARGS, 'listen(0, () => {})')).toBe('127.0.0.1');
    expect(boundAddress(LOOPBACK_ONLY_NODE_ARGS, 'listen({ port: 0 })')).toBe('127.0.0.1');
  });

  it('leaves an explicit host alone', () => {
    expect(boundAddress(LOOPBACK_ONLY_NODE_ARGS, "listen(0, '::1')")).toBe('::1');
  });

  it('is needed: without it such a listener takes every interface', () => {
    expect(boundAddress([], 'listen(0)')).not.toBe('127.0.0.1');
  });
});
