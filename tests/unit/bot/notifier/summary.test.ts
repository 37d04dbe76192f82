import { expirySummary, meetingSummary } from '../../../../bot/notifier/summary';
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
