/**
 * The Agents Playground listens on every network interface and has no option to choose one.
 * In local mode it forwards whatever it is sent to the bot, which accepts unauthenticated calls
 * from loopback only; a playground reachable from the network would undo that. So the playground
 * is started with this preload, which binds every listener that names no host to 127.0.0.1.
 */
const PRELOAD = `
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\\d+$/.test(first));
  if (isPort && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  else if (first && typeof first === 'object' && first.path === undefined && first.host === undefined) args[0] = { ...first, host: '127.0.0.1' };
  return listen.apply(this, args);
};
`;

/** Node arguments that load the preload before the playground's own code. */
export const LOOPBACK_ONLY_NODE_ARGS = ['--import', `data:text/javascript,${encodeURIComponent(PRELOAD)}`];
