/**
 * One HTTPS request to the app's public address, as Teams or the Bot Connector would make it from
 * outside: no credentials, certificate checked, answered within a few seconds or counted as
 * unreachable.
 */
import { request } from 'node:https';

export type ProbeOutcome =
  { reached: true; status: number; headers: Record<string, string | string[] | undefined>; body: string } | { reached: false; code: string; message: string };

export interface ProbeOptions {
  method: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Extra trusted CA certificates (PEM); none: the system's and NODE_EXTRA_CA_CERTS. */
  ca?: string;
  timeoutMs?: number;
}

/** Sends the request; a TLS, DNS or connection failure is an outcome, never an exception. */
export function probe(url: string, options: ProbeOptions): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: options.method,
        headers: { 'User-Agent': 'balanslistan-doctor', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          // Only the start of the answer is looked at.
          if (size < 65_536) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve({ reached: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ reached: false, code: error.code ?? 'ERROR', message: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ reached: false, code: error.code ?? 'ERROR', message: error.message }));
    req.end(options.body);
  });
}

/** Why an address could not be reached, with what usually fixes it. */
export function unreachableFix(code: string): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'The host name does not resolve: check PUBLIC_URL and the DNS record of the custom domain (App Service → Custom domains).';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT')
    return 'Nothing answers there: check that the App Service is running (Azure portal → the web app → Overview, Log stream) and that PUBLIC_URL names it.';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|TLS|SSL/i.test(code))
    return 'The HTTPS certificate is not trusted for this host: bind a certificate for the host (App Service → Certificates / Custom domains → Add binding); Teams refuses untrusted certificates.';
  return 'Check PUBLIC_URL and that the App Service is running and reachable from the internet.';
}
