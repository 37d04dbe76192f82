/**
 * Whether an address or host name is this machine. Local mode and an anonymous bot endpoint serve only
 * loopback; the configuration binds them there, and the handlers check the caller as well, so a
 * proxy or a changed bind address cannot open them to the network by mistake.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * Whether a host name (a bind address, or a URL's hostname, IPv6 in brackets or not) is this
 * machine: `localhost` or a loopback address.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare === 'localhost' || isLoopbackAddress(bare);
}
