import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/errors';
import { readCertificate } from '../../../src/identity/certificate';

const FIXTURES = join(__dirname, '../../fixtures/graph');
const pem = readFileSync(join(FIXTURES, 'test-certificate.pem'), 'utf8');

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certificate-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function failure(path: string, password: string | null = null): ConfigError {
  try {
    readCertificate(path, password);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function file(content: string): string {
  const path = join(dir, 'app.pem');
  writeFileSync(path, content);
  return path;
}

describe('readCertificate', () => {
  it('reads the certificate and its key', () => {
    const certificate = readCertificate(join(FIXTURES, 'test-certificate.pem'), null);
    expect(certificate.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(certificate.privateKey).toContain('BEGIN PRIVATE KEY');
  });

  it('keeps why the file could not be read as the cause', () => {
    const error = failure(join(dir, 'missing.pem'));
    expect(error.message).toMatch(/^AZURE_CLIENT_CERTIFICATE_PATH: cannot read .*missing\.pem \(ENOENT\)$/);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('keeps why the private key could not be read as the cause', () => {
    const error = failure(join(FIXTURES, 'test-certificate-encrypted.pem'));
    expect(error.message).toContain('set AZURE_CLIENT_CERTIFICATE_PASSWORD');
    expect(error.cause).toHaveProperty('code', expect.stringMatching(/^ERR_/));
  });

  it('turns a damaged certificate into a ConfigError with the cause', () => {
    const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0] ?? '';
    const error = failure(file(`-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${key}\n`));
    expect(error.message).toMatch(/^AZURE_CLIENT_CERTIFICATE_PATH: the certificate in .* cannot be read/);
    expect(error.cause).toHaveProperty('code', expect.stringMatching(/^ERR_/));
  });

  it('says what is missing when there is no certificate block', () => {
    expect(failure(file('nothing here')).message).toContain('holds no "BEGIN CERTIFICATE" block');
  });
});
