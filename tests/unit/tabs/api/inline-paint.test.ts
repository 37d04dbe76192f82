/**
 * The kept page's painter, inlined in the tab's page (SharePoint mode): written right after the
 * empty root, and allowed by that page's CSP through the SHA-256 hash of exactly the text
 * written, never through 'unsafe-inline'; text that could end the script element is never
 * inlined, and other pages keep the CSP without any inline script.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INLINE_PAINTER_FILE, inlinePainter, inlineScript, scriptHashSource } from '../../../../tabs/api/inline-paint';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, securityHeaders } from '../../../../tabs/api/security-headers';
import { serveBuiltWebApp, type BuiltWebApp } from './built-web-app';

// `$&` and a quote: the text must reach the page byte for byte, never read as a pattern.
const PAINTER = `(function(){var r=document.getElementById('root');if(r)r.dataset.painted='$&"';})();\n`;

/** The `'sha256-…'` source of `text` as the CSP spec computes it: base64 of SHA-256 over the UTF-8 bytes. */
const expectedSource = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

describe('the inline painter’s hash', () => {
  it('is the CSP hash of the script’s text', () => {
    // The example of the CSP specification (and MDN).
    expect(scriptHashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(scriptHashSource('å')).toBe(expectedSource('å'));
  });

  it('is taken over the very text written between the tags', () => {
    const script = inlineScript(PAINTER);
    const text = /^<script>([\s\S]*)<\/script>$/.exec(script?.element ?? '')?.[1];
    expect(text).toBe(PAINTER.trim());
    expect(script?.source).toBe(expectedSource(text ?? ''));
  });

  it('never inlines text that could end the script element or open a comment in it', () => {
    expect(inlineScript('var a = "</script><script>alert(1)</script>";')).toBeNull();
    expect(inlineScript('var a = "</SCRIPT >";')).toBeNull();
    expect(inlineScript('var a = "<!--";')).toBeNull();
    expect(inlineScript('  \n')).toBeNull();
  });

  it('lets the CSP name SHA-256 hashes only', () => {
    const source = scriptHashSource('x');
    expect(contentSecurityPolicy([source])).toContain(`script-src 'self' ${source};`);
    expect(() => contentSecurityPolicy(["'unsafe-inline'"])).toThrow(/SHA-256/);
    expect(() => contentSecurityPolicy(["'sha256-abc' 'unsafe-inline'"])).toThrow(/SHA-256/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});

describe('the tab page with the inline painter', () => {
  let web: BuiltWebApp;
  let url: string;

  beforeAll(async () => {
    web = await serveBuiltWebApp(
      {
        'index.html':
          '<!doctype html><head><script type="module" crossorigin src="/assets/index-a1.js"></script></head><body><div id="root"></div><noscript>JS</noscript></body>',
        [INLINE_PAINTER_FILE]: PAINTER,
      },
      [securityHeaders({ https: false })],
    );
    ({ url } = web);
  });

  afterAll(() => web.close());

  it('writes it right after the root, and the page’s CSP allows exactly its text and no other inline script', async () => {
    const response = await fetch(`${url}/tab?oid=x`);
    const html = await response.text();
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(inline).toEqual([PAINTER.trim()]);
    expect(html).toContain(`<div id="root"></div><script>${PAINTER.trim()}</script><noscript>`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = /(?:^|; )script-src ([^;]+)/.exec(csp)?.[1];
    expect(scriptSrc).toBe(`'self' ${expectedSource(inline[0] ?? '')}`);
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(scriptSrc).not.toContain('unsafe');
    // Everything else of the policy is the app's usual one.
    expect(csp.replace(` ${expectedSource(inline[0] ?? '')}`, '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps the other pages without it, under the usual policy', async () => {
    const response = await fetch(`${url}/config`);
    expect(await response.text()).not.toContain('<script>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is left out (and the CSP stays as it was) when the build has none or it is unusable', () => {
    expect(inlinePainter(join(tmpdir(), 'balanslistan-no-build'))).toBeNull();
    const bad = mkdtempSync(join(tmpdir(), 'balanslistan-painter-bad-'));
    try {
      writeFileSync(join(bad, INLINE_PAINTER_FILE), 'document.write("</script>")');
      expect(inlinePainter(bad)).toBeNull();
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
