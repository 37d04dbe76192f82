import { isLoopbackAddress, isLoopbackHost } from '../../../src/loopback';

describe('loopback checks', () => {
  it('knows a peer address on this machine', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', 'localhost', undefined, ''].some((a) => isLoopbackAddress(a))).toBe(false);
  });

  it('knows a host name on this machine, IPv6 with or without brackets', () => {
    expect(['localhost', '127.0.0.1', '127.4.5.6', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', 'example.org', '128.0.0.1', '[2001:db8::1]', 'localhost.example.org'].some(isLoopbackHost)).toBe(false);
  });
});
