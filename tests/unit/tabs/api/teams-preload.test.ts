/**
 * The tab's page in SharePoint mode (no first view from the server): the stylesheet inline and
 * preload hints for the Teams start-up module and its imports, named from Vite's manifest; the
 * plain page when there is no manifest.
 */
import { join } from 'node:path';
import { EARLY_MODULE, teamsPreloadLinks } from '../../../../tabs/api/teams-preload';
import { serveBuiltWebApp, type BuiltWebApp } from './built-web-app';

const MANIFEST = {
  'index.html': { file: 'assets/index-a1.js', isEntry: true },
  [EARLY_MODULE]: { file: 'assets/early-paint-b2.js', isDynamicEntry: true, imports: ['_teams-c3.js', '_shared-d4.js', 'index.html'] },
  '_teams-c3.js': { file: 'assets/teams-c3.js', imports: ['_shared-d4.js'] },
  '_shared-d4.js': { file: 'assets/shared-d4.js' },
  'src/start.tsx': { file: 'assets/start-e5.js', isDynamicEntry: true, imports: ['_shared-d4.js'] },
};

describe('the tab page in SharePoint mode', () => {
  let web: BuiltWebApp;
  let url: string;

  beforeAll(async () => {
    web = await serveBuiltWebApp({
      'index.html':
        '<!doctype html><head><script type="module" crossorigin src="/assets/index-a1.js"></script><link rel="stylesheet" crossorigin href="/assets/index-f6.css"></head><body><div id="root"></div></body>',
      'assets/index-f6.css': '.tab-page{margin:0}',
      '.vite/manifest.json': JSON.stringify(MANIFEST),
    });
    ({ url } = web);
  });

  afterAll(() => web.close());

  it('names the early module and its imports once each, not the app or the entry script', () => {
    expect(teamsPreloadLinks(web.dist)).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/early-paint-b2.js">' +
        '<link rel="modulepreload" crossorigin href="/assets/teams-c3.js">' +
        '<link rel="modulepreload" crossorigin href="/assets/shared-d4.js">',
    );
  });

  it('serves the page with the hints and the stylesheet inline, never cached, and no other script', async () => {
    const response = await fetch(`${url}/tab?view=avtal`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('<style>.tab-page{margin:0}</style>');
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/early-paint-b2\.js">.*<\/head>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    // The configuration page is sent as built.
    expect(await (await fetch(`${url}/config`)).text()).not.toContain('modulepreload');
  });

  it('adds no hints without a manifest', () => {
    expect(teamsPreloadLinks(join(web.dist, 'nowhere'))).toBe('');
  });
});
