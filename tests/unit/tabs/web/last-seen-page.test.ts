/**
 * @jest-environment jsdom
 */
/**
 * The page kept for a repeat visit in SharePoint mode: painted only for the same user, tenant and
 * address, into an empty root, read-only under a "being checked" notice, with Fluent's style
 * rules back in the head; dropped with the remembered list.
 */
import { forgetPage, lastSeenPageKey, paintPage, savePage } from '../../../../tabs/web/src/model/last-seen-page';
import { MemoryStorage } from './doubles';

const ANNA = { userId: 'a1', tenantId: 't1' };
const NOTICE = { title: 'Kontrolleras …', body: 'Du ser listan som den såg ut senast.' };

const PAGE =
  '<div class="app-root"><header class="tab-header"><h1>Balanslistan</h1><div class="tab-line"><button>Uppdatera nu</button></div></header>' +
  '<nav class="tab-nav"><div role="tablist"><button role="tab">Avtal</button></div></nav>' +
  '<main><div id="view-panel"><h2>Balanslista</h2><div><form role="search"><input name="q"></form><div data-group-key="g1">&lt;b&gt;Grupp&lt;/b&gt;</div></div></div></main></div>';

function keep(storage: MemoryStorage, search = '') {
  document.head.innerHTML =
    '<style data-make-styles-bucket="d"></style><style data-make-styles-bucket="h"></style><style id="fui-FluentProvider_r_0_">.app-root { color: red; } .other-provider { color: green; }</style><style>.page-own { margin: 0; }</style>';
  const [bucket, hover] = [...document.head.querySelectorAll<HTMLStyleElement>('style[data-make-styles-bucket]')];
  bucket?.sheet?.insertRule('.f2 { color: gray; }');
  bucket?.sheet?.insertRule('.tab-line { color: blue; }');
  // Rules for classes the kept page does not use are left behind, and so is a bucket with only those.
  hover?.sheet?.insertRule('.f3:hover { color: black; }');
  const drawn = document.createElement('div');
  drawn.innerHTML = PAGE;
  savePage(storage, ANNA, search, drawn);
  document.head.innerHTML = '';
}

describe('the page kept for a repeat visit', () => {
  it('paints it read-only under a notice, with the Fluent UI style rules it uses back in the head', () => {
    const storage = new MemoryStorage();
    keep(storage, '?view=balanslista');
    const root = document.createElement('div');
    expect(paintPage(storage, ANNA, '?view=balanslista', root, NOTICE)).toBe(true);
    expect(root.querySelector('[data-group-key="g1"]')?.textContent).toBe('<b>Grupp</b>');
    expect(root.querySelector('[data-testid="checking"]')?.textContent).toBe(`${NOTICE.title} ${NOTICE.body}`);
    expect(root.querySelector('nav')?.inert).toBe(true);
    expect(root.querySelector<HTMLElement>('.tab-line')?.inert).toBe(true);
    expect((root.querySelector('form')?.parentElement as HTMLElement).inert).toBe(true);
    const buckets = [...document.head.querySelectorAll('style')].map((style) => [style.dataset.makeStylesBucket ?? style.id, style.textContent]);
    expect(buckets).toEqual([
      ['d', '.tab-line {color: blue;}'],
      ['fui-FluentProvider_r_0_', '.app-root {color: red;}'],
    ]);
  });

  it('paints nothing for another user, tenant or address, or over what the app drew', () => {
    const storage = new MemoryStorage();
    keep(storage);
    const root = () => document.createElement('div');
    expect(paintPage(storage, { userId: 'b2', tenantId: 't1' }, '', root(), NOTICE)).toBe(false);
    expect(paintPage(storage, { userId: 'a1', tenantId: 't2' }, '', root(), NOTICE)).toBe(false);
    expect(paintPage(storage, ANNA, '?view=avtal', root(), NOTICE)).toBe(false);
    const drawn = root();
    drawn.innerHTML = '<p>appen</p>';
    expect(paintPage(storage, ANNA, '', drawn, NOTICE)).toBe(false);
    expect(drawn.innerHTML).toBe('<p>appen</p>');
    // Moved under another user's key, its recorded owner still does not match.
    storage.setItem(lastSeenPageKey({ userId: 'b2', tenantId: 't1' }), storage.getItem(lastSeenPageKey(ANNA)) ?? '');
    expect(paintPage(storage, { userId: 'b2', tenantId: 't1' }, '', root(), NOTICE)).toBe(false);
  });

  it('paints under the notice kept with the page when given none, and not at all without one', () => {
    const storage = new MemoryStorage();
    keep(storage);
    expect(paintPage(storage, ANNA, '', document.createElement('div'))).toBe(false);
    const drawn = document.createElement('div');
    drawn.innerHTML = PAGE;
    savePage(storage, ANNA, '', drawn, NOTICE);
    const root = document.createElement('div');
    expect(paintPage(storage, ANNA, '', root)).toBe(true);
    expect(root.querySelector('[data-testid="checking"]')?.textContent).toBe(`${NOTICE.title} ${NOTICE.body}`);
    // A notice given (the entry script's strings) wins over the kept one.
    const again = document.createElement('div');
    document.head.innerHTML = '';
    expect(paintPage(storage, ANNA, '', again, { title: 'Checking …', body: 'as last seen' })).toBe(true);
    expect(again.querySelector('[data-testid="checking"]')?.textContent).toBe('Checking … as last seen');
  });

  it("gives the document the kept page's language, and ignores a language it does not speak", () => {
    const storage = new MemoryStorage();
    document.documentElement.lang = 'en';
    keep(storage);
    document.documentElement.lang = 'sv';
    expect(paintPage(storage, ANNA, '', document.createElement('div'), NOTICE)).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    document.documentElement.lang = 'zz" onload="x';
    keep(storage);
    document.documentElement.lang = 'sv';
    expect(paintPage(storage, ANNA, '', document.createElement('div'), NOTICE)).toBe(true);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('is gone once forgotten', () => {
    const storage = new MemoryStorage();
    keep(storage);
    forgetPage(storage, ANNA);
    expect(paintPage(storage, ANNA, '', document.createElement('div'), NOTICE)).toBe(false);
  });
});
