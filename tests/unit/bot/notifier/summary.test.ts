import { expirySummary, meetingSummary } from '../../../../bot/notifier/summary';
import { relativeDays } from '../../../../src/vocabulary';
import { dueExpiry, dueMeeting, entry, meeting } from '../../../fixtures/bot/sample-due';

describe('summary lines (notification preview, CLI and report)', () => {
  test('control characters from SharePoint (terminal escapes, C0 and C1) become spaces', () => {
    const title = 'Hemsjuk\u001b[2Jvård\u009b31m avtal\u0007';
    const lines = [expirySummary(dueExpiry(30, { entry: entry({ title }) }), 'sv'), meetingSummary(dueMeeting(2, { meeting: meeting({ title }) }), 'en')];
    for (const line of lines) {
      expect(line).toContain('Hemsjuk [2Jvård 31m avtal');
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});

describe('summary lines count days as the cards do', () => {
  const title = 'Samverkansavtal';
  test.each([
    [2, 'sv', 'Avtalet löper ut om 2 dagar (2022-12-31): Samverkansavtal'],
    [1, 'en', 'Agreement expires in 1 day (2022-12-31): Samverkansavtal'],
    [1500, 'en', 'Agreement expires in 1,500 days (2022-12-31): Samverkansavtal'],
  ] as const)('%i days left in %s: "%s"', (days, language, line) => {
    expect(expirySummary(dueExpiry(days, { entry: entry({ title }) }), language)).toBe(line);
  });

  test('groups thousands in Swedish and uses the plural only above one', () => {
    const line = meetingSummary(dueMeeting(1500, { meeting: meeting({ title: 'SVOM', date: '2027-01-01', time: null }) }), 'sv');
    expect(line).toBe(`Påminnelse om möte: SVOM, 2027-01-01 (om ${new Intl.NumberFormat('sv-SE').format(1500)} dagar)`);
    expect(line).toMatch(/om 1[\u00a0\u202f]500 dagar/u);
  });
});

describe("a meeting's distance in days is said as the tab says it (src/vocabulary)", () => {
  test.each([
    [0, 'sv', '(i dag)'],
    [1, 'sv', '(i morgon)'],
    [2, 'sv', '(om 2 dagar)'],
    [3, 'sv', '(om 3 dagar)'],
    [0, 'en', '(today)'],
    [1, 'en', '(tomorrow)'],
    [2, 'en', '(in 2 days)'],
  ] as const)('%i days ahead in %s: "%s"', (days, language, words) => {
    const line = meetingSummary(dueMeeting(days, { meeting: meeting({ title: 'SVOM', date: '2022-12-15', time: null }) }), language);
    expect(line.endsWith(words)).toBe(true);
    expect(line).toContain(relativeDays(days, language));
  });
});
