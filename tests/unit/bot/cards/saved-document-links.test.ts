/**
 * @jest-environment jsdom
 */
/**
 * The cards' links to a Word file saved in the site's library (`CardContext.savedDocument`): the
 * day-after card's minutes, the meeting reminder's agenda, the follow-up notice's Word file. Only
 * an https address is linked; anything else (a script, plain http, a loopback address, garbage)
 * leaves the card with what it links without one.
 */
import { TemplateCardRenderer } from '../../../../bot/cards';
import type { AdaptiveCard, CardContext, FollowUpReady, MeetingOutcome } from '../../../../bot/contracts';
import type { FoundDocument } from '../../../../src/ports/document-store';
import { dueMeeting, threeErrands } from '../../../fixtures/bot/sample-due';
import { errand } from '../../domain/forum-builders';
import { cardProblems } from './validate-card';

const renderer = new TemplateCardRenderer();
const LIBRARY = 'https://contoso.sharepoint.com/sites/svom/Delade%20dokument/Balanslistan/2022';
const NOT_LINKED = ['javascript:alert(1)', 'http://contoso.sharepoint.com/x.docx', 'http://127.0.0.1:3978/x.docx', 'inte en adress', ''];

function context(savedDocument?: FoundDocument, language: CardContext['language'] = 'sv'): CardContext {
  return { language, tabUrl: 'https://svom.example.org/', today: '2022-11-28', eventKey: 'k', savedDocument };
}
const saved = (webUrl: string | null, name = 'fil.docx'): FoundDocument => ({ name, webUrl });
const openUrls = (card: AdaptiveCard) =>
  ((card.actions ?? []) as Array<{ type: string; title: string; url?: string }>)
    .filter((action) => action.type === 'Action.OpenUrl')
    .map((action) => [action.title, action.url]);

const outcome = (minutesUrl: string | null): MeetingOutcome => ({
  meeting: { id: '8', key: 'svom-nov', title: 'SVOM november', date: '2022-11-25' },
  errands: [{ errand: errand('nov-1', { title: 'Handlingsplan', decision: 'Beslutat.' }), actions: [] }],
  minutesUrl,
});

const followUp = (docxUrl: string | null): FollowUpReady => ({
  year: 2022,
  reason: { kind: 'configured-date', date: '2023-01-15' },
  meetings: 5,
  events: 0,
  errands: 15,
  areasWithoutErrand: 3,
  areas: 7,
  problems: 0,
  docxUrl,
});

describe('the day-after card', () => {
  it('links the saved minutes instead of the app’s address', () => {
    const card = renderer.meetingOutcome(outcome(null), context(saved(`${LIBRARY}/minnesanteckningar-svom-nov.docx`)));
    expect(cardProblems(card)).toEqual([]);
    expect(openUrls(card)).toContainEqual(['Minnesanteckningar (Word)', `${LIBRARY}/minnesanteckningar-svom-nov.docx`]);
    const local = renderer.meetingOutcome(outcome('http://127.0.0.1:3978/api/meetings/svom-nov/minnesanteckningar.docx'), context(saved(`${LIBRARY}/m.docx`)));
    expect(openUrls(local)).toContainEqual(['Minnesanteckningar (Word)', `${LIBRARY}/m.docx`]);
  });

  it.each(NOT_LINKED)('never links %j: without another address there is no minutes button', (webUrl) => {
    expect(openUrls(renderer.meetingOutcome(outcome(null), context(saved(webUrl)))).map(([title]) => title)).toEqual(['Visa mötet', 'Visa alla uppdrag']);
    const local = 'http://127.0.0.1:3978/api/meetings/svom-nov/minnesanteckningar.docx';
    expect(openUrls(renderer.meetingOutcome(outcome(local), context(saved(webUrl))))).toContainEqual(['Minnesanteckningar (Word)', local]);
  });
});

describe('the meeting reminder', () => {
  it('links the saved agenda next to the tab, in the team’s language', () => {
    const agenda = { errands: threeErrands(), addUrl: null };
    const sv = renderer.meetingReminder(dueMeeting(2), context(saved(`${LIBRARY}/dagordning-svom-dec.docx`)), { agenda });
    expect(cardProblems(sv)).toEqual([]);
    expect(openUrls(sv).slice(0, 2)).toEqual([
      ['Öppna i balanslistan', 'https://svom.example.org/'],
      ['Dagordning (Word)', `${LIBRARY}/dagordning-svom-dec.docx`],
    ]);
    const en = renderer.meetingReminder(dueMeeting(2), context(saved(`${LIBRARY}/dagordning-svom-dec.docx`), 'en'), { agenda });
    expect(openUrls(en)).toContainEqual(['Agenda (Word)', `${LIBRARY}/dagordning-svom-dec.docx`]);
  });

  it.each([...NOT_LINKED, null])('has no agenda button without a saved agenda at an https address (%j)', (webUrl) => {
    const card = renderer.meetingReminder(dueMeeting(2), context(webUrl === null ? undefined : saved(webUrl)));
    expect(openUrls(card).map(([title]) => title)).not.toContain('Dagordning (Word)');
  });
});

describe('the follow-up notice', () => {
  it('opens the saved Uppföljning in Word instead of downloading a new one', () => {
    const download = 'https://svom.example.org/?view=uppfoljning&year=2022&download=docx';
    const card = renderer.followUpReady(followUp(download), context(saved(`${LIBRARY}/uppfoljning-svom-2022.docx`)));
    expect(cardProblems(card)).toEqual([]);
    expect(openUrls(card)).toEqual([
      ['Öppna uppföljningen', 'https://svom.example.org/?view=uppfoljning&year=2022'],
      ['Öppna Word-filen', `${LIBRARY}/uppfoljning-svom-2022.docx`],
    ]);
    expect(openUrls(renderer.followUpReady(followUp(download), context(saved('javascript:alert(1)'))))).toContainEqual(['Ladda ner Word-filen', download]);
    expect(openUrls(renderer.followUpReady(followUp(download), context()))).toContainEqual(['Ladda ner Word-filen', download]);
  });
});
