/**
 * @jest-environment jsdom
 */
/** The weekly digest's open actions: title, responsible, due date with days late or left, the Uppdrag link. */
import { TemplateCardRenderer } from '../../../../bot/cards';
import type { CardContext, DigestAction, Language } from '../../../../bot/contracts';
import type { Action } from '../../../../src/domain/actions';
import { HOSTILE_TITLE } from '../../../fixtures/bot/sample-due';
import { cardProblems } from './validate-card';
import { cardTexts } from '../../../fixtures/bot/card-texts';

const renderer = new TemplateCardRenderer();
const TAB = 'https://teams.microsoft.com/l/entity/app-id/balanslista';
const context = (language: Language, tabUrl = TAB): CardContext => ({ language, tabUrl, today: '2022-12-05', eventKey: 'digest/2022-W49' });
const EMPTY = { today: '2022-12-05', meetings: [], expiries: [] };

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: '7',
    key: 'a7',
    title: 'Återkom med förslag',
    errandKey: null,
    group: 'Fredagsgruppen',
    person: { name: 'Anna Andersson', lookupId: '12' },
    due: '2022-12-01',
    status: 'open',
    doneOn: null,
    notes: '',
    eTag: '"a7,1"',
    editUrl: '',
    ...overrides,
  };
}

const late: DigestAction = { action: action(), daysLeft: -4 };
const soon: DigestAction = { action: action({ id: '8', title: 'Skicka underlag', group: '', person: null, due: '2022-12-06' }), daysLeft: 1 };
const undated: DigestAction = { action: action({ id: '9', title: 'Utse kontaktperson', due: null, person: { name: '', lookupId: '3' } }), daysLeft: null };

function openUrls(value: unknown, into: Array<{ title: string; url: string }> = []): Array<{ title: string; url: string }> {
  if (Array.isArray(value)) value.forEach((item) => openUrls(item, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'Action.OpenUrl') into.push({ title: String(record.title), url: String(record.url) });
    Object.values(record).forEach((inner) => openUrls(inner, into));
  }
  return into;
}

describe('the weekly digest lists open actions', () => {
  test('in Swedish: title, responsible, due date with days late or left, and the Uppdrag view', () => {
    const card = renderer.weeklyDigest(EMPTY, context('sv'), [late, soon, undated]);
    expect(cardProblems(card)).toEqual([]);
    const all = cardTexts(card);
    expect(all).toContain('Öppna uppdrag');
    expect(all).toContain('Återkom med förslag');
    expect(all).toContain('Ansvarig: Fredagsgruppen · Anna Andersson · Klart senast torsdag 2022-12-01 (4 dagar försenat)');
    expect(all).toContain('Ansvarig: Ingen ansvarig angiven · Klart senast tisdag 2022-12-06 (1 dag kvar)');
    expect(all).toContain('Ansvarig: Fredagsgruppen · okänd person · Inget slutdatum');
    const link = openUrls(card).find((button) => button.title === 'Visa alla uppdrag');
    expect(link).toBeDefined();
    expect(decodeURIComponent(link!.url)).toContain('view=uppdrag');
  });

  test('in English, and a late one stands out', () => {
    const card = renderer.weeklyDigest(EMPTY, context('en'), [late, { action: action({ id: '10', due: '2022-12-05' }), daysLeft: 0 }]);
    const all = cardTexts(card);
    expect(all).toContain('Open actions');
    expect(all).toContain('Responsible: Fredagsgruppen · Anna Andersson · Due Thursday 2022-12-01 (4 days late)');
    expect(all.some((text) => text.endsWith('(today)'))).toBe(true);
    expect(openUrls(card).map((button) => button.title)).toContain('Show all actions');
    expect(JSON.stringify(card)).toContain('"color":"Attention"');
  });

  test('says so when no action is open, and cuts a long list', () => {
    const none = renderer.weeklyDigest(EMPTY, context('sv'), []);
    expect(cardTexts(none)).toContain('Inga öppna uppdrag.');
    expect(openUrls(none).map((button) => button.title)).toEqual(['Öppna i balanslistan']);
    const many = Array.from({ length: 20 }, (_, i) => ({ action: action({ id: String(i), title: `Uppdrag ${i} ${'lång '.repeat(40)}` }), daysLeft: -i }));
    const card = renderer.weeklyDigest(EMPTY, context('sv'), many);
    expect(JSON.stringify(card)).toContain('… och 12 till');
    expect(cardProblems(card)).toEqual([]);
  });

  test('SharePoint text cannot inject markdown, links or template expressions', () => {
    const hostile = action({ title: HOSTILE_TITLE, group: '[L-IFO](https://evil.example)', person: { name: '*Anna*', lookupId: '1' } });
    const card = renderer.weeklyDigest(EMPTY, context('sv'), [{ action: hostile, daysLeft: -4 }]);
    expect(cardProblems(card)).toEqual([]);
    const all = cardTexts(card);
    expect(all).toContain(
      '1\\. \\*\\*Fet\\*\\* \\[klicka\\]\\(https://evil.example\\) \\_x\\_ \\# rubrik \\> citat \\`kod\\` \\~\\~s\\~\\~ \\${t.openTab} \\\\ \\- slut',
    );
    expect(all).toContain('Ansvarig: \\[L\\-IFO\\]\\(https://evil.example\\) · \\*Anna\\* · Klart senast torsdag 2022-12-01 (4 dagar försenat)');
  });

  test('no link when the tab address is not one a card may open', () => {
    const card = renderer.weeklyDigest(EMPTY, context('sv', 'javascript:alert(1)'), [late]);
    expect(openUrls(card)).toEqual([]);
  });

  test('without a tab address a card may open, the card has no buttons and no empty list of them', () => {
    for (const tabUrl of ['', 'http://svom.example.org/tab']) {
      const card = renderer.weeklyDigest(EMPTY, context('sv', tabUrl), []);
      expect(card).not.toHaveProperty('actions');
      expect(cardProblems(card)).toEqual([]);
    }
  });
});
