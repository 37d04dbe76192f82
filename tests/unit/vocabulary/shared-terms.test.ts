/**
 * One vocabulary: the cards and the tab name every status, revision status and meeting kind with
 * the same words, in Swedish and English, and count days the same way.
 */
import { TemplateCardRenderer, strings as cardStrings } from '../../../bot/cards';
import { entryStatusLabel, meetingKindLabel, revisionLabel } from '../../../bot/cards/strings';
import type { AgreementState, EntryStatus, MeetingKind, RevisionStatus } from '../../../src/domain/types';
import { AGREEMENT_STATE_TERMS, dayCount, formatCount, relativeDays } from '../../../src/vocabulary';
import { stringsFor } from '../../../tabs/web/src/i18n/strings';
import { agreementView } from '../../fixtures/bot/sample-due';

const LANGUAGES = ['sv', 'en'] as const;
const AGREEMENT_STATES: AgreementState[] = ['active', 'expiring', 'expired', 'unknown'];
const ENTRY_STATUSES: EntryStatus[] = ['active', 'not-started', 'monitoring', 'paused', 'done'];
const REVISION_STATUSES: RevisionStatus[] = ['not-needed', 'may-be-needed', 'started', 'revised'];
const MEETING_KINDS: MeetingKind[] = ['ordinary', 'extra', 'joint-vasternorrland'];

describe.each(LANGUAGES)('the cards and the tab use the same words (%s)', (language) => {
  const tab = stringsFor(language);
  const cards = cardStrings(language);

  it('for the state of an agreement', () => {
    for (const state of AGREEMENT_STATES) expect(cards.agreementState[state]).toBe(tab.agreementState[state]);
  });

  it('for the status of an entry, a revision status and a meeting kind', () => {
    for (const status of ENTRY_STATUSES) expect(entryStatusLabel(status, language)).toBe(tab.entryStatus[status]);
    for (const status of REVISION_STATUSES) expect(revisionLabel(status, language)).toBe(tab.revisionStatus[status]);
    for (const kind of MEETING_KINDS) expect(meetingKindLabel(kind, language)).toBe(tab.meetingKind[kind]);
  });

  it('on a rendered agreements card, each state reads as in the tab', () => {
    const renderer = new TemplateCardRenderer();
    const card = renderer.agreementsList(
      { agreements: AGREEMENT_STATES.map((status, index) => agreementView({ id: String(index), status, daysLeft: null })), stale: false },
      { language, tabUrl: '', today: '2022-12-01', eventKey: null },
    );
    const text = JSON.stringify(card);
    for (const state of AGREEMENT_STATES) expect(text).toContain(`"text":"${tab.agreementState[state]}"`);
  });

  it('for the number of days: the tab and the cards group thousands alike', () => {
    expect(tab.relativeDays(-1704)).toBe(relativeDays(-1704, language));
    expect(tab.relativeDays(-1704)).toContain(formatCount(1704, language));
    expect(
      JSON.stringify(
        new TemplateCardRenderer().agreementsList(
          { agreements: [agreementView({ daysLeft: 1704 })], stale: false },
          { language, tabUrl: '', today: '2022-12-01', eventKey: null },
        ),
      ),
    ).toContain(dayCount(1704, language));
  });
});

describe('the chosen words', () => {
  it('are the ones a Swedish reader expects', () => {
    expect(AGREEMENT_STATE_TERMS.sv).toEqual({ active: 'Gäller', expiring: 'Löper snart ut', expired: 'Har gått ut', unknown: 'Okänt slutdatum' });
    expect(AGREEMENT_STATE_TERMS.en).toEqual({ active: 'Active', expiring: 'Expiring soon', expired: 'Expired', unknown: 'Unknown end date' });
  });

  it.each([
    [1, 'sv', '1 dag'],
    [2, 'sv', '2 dagar'],
    [0, 'sv', '0 dagar'],
    [-1, 'sv', '1 dag'],
    [1, 'en', '1 day'],
    [2, 'en', '2 days'],
    [1704, 'en', '1,704 days'],
  ] as const)('dayCount(%i, %s) is "%s"', (days, language, text) => {
    expect(dayCount(days, language)).toBe(text);
  });

  it('groups Swedish thousands with a no-break space', () => {
    expect(dayCount(1704, 'sv')).toMatch(/^1[\u00a0\u202f]704 dagar$/u);
  });
});

describe('days from today, said once for the tab, the cards and the notifier', () => {
  it.each([
    [-2, 'sv', 'för 2 dagar sedan'],
    [-1, 'sv', 'i går'],
    [0, 'sv', 'i dag'],
    [1, 'sv', 'i morgon'],
    [2, 'sv', 'om 2 dagar'],
    [-2, 'en', '2 days ago'],
    [-1, 'en', 'yesterday'],
    [0, 'en', 'today'],
    [1, 'en', 'tomorrow'],
    [2, 'en', 'in 2 days'],
  ] as const)('%i days in %s: "%s" (three days in words, the rest by number)', (days, language, words) => {
    expect(relativeDays(days, language)).toBe(words);
    expect(stringsFor(language).relativeDays(days)).toBe(words);
  });

  it('the cards say it in their headings and facts the same way', () => {
    const sv = cardStrings('sv');
    expect(sv.meetingInDays(2)).toBe(`SVOM-möte ${relativeDays(2, 'sv')}`);
    expect(sv.expiryTitle(-2)).toBe(`Avtalet gick ut ${relativeDays(-2, 'sv')}`);
    expect(sv.daysLeftValue(-2)).toBe(relativeDays(-2, 'sv'));
  });
});
