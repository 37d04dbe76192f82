import { daysBetween } from '../../../src/domain/dates';
import { EXAMPLE_NOTE, exampleMeetingFields } from '../../../src/local/example-meetings';

describe('example meetings', () => {
  it('are the four meetings of the coming year, one joint with Västernorrland', () => {
    const meetings = exampleMeetingFields('2025-03-10');
    expect(meetings.map((fields) => [fields.MeetingDate, fields.MeetingKind, fields.ItemDeadline])).toEqual([
      ['2025-05-15', 'Ordinarie', '2025-05-01'],
      ['2025-09-18', 'Gemensamt med Västernorrland', '2025-09-04'],
      ['2025-11-20', 'Ordinarie', '2025-11-06'],
      ['2026-02-19', 'Ordinarie', '2026-02-05'],
    ]);
  });

  it('are marked as examples in the title and the note', () => {
    for (const fields of exampleMeetingFields('2024-12-31')) {
      expect(fields.Title).toMatch(/^Exempel: /);
      expect(fields.Notes).toBe(EXAMPLE_NOTE);
      expect(EXAMPLE_NOTE).toMatch(/Exempeldata/);
      expect(EXAMPLE_NOTE).toMatch(/inget beslutat möte/);
    }
  });

  it('fall on Thursdays after today and within about a year, on any day of the year', () => {
    for (let day = 0; day < 366; day += 1) {
      const today = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      const meetings = exampleMeetingFields(today);
      expect(meetings).toHaveLength(4);
      for (const fields of meetings) {
        const date = fields.MeetingDate as string;
        expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(4);
        const ahead = daysBetween(today, date);
        expect(ahead).toBeGreaterThan(0);
        expect(ahead).toBeLessThanOrEqual(372);
        expect(daysBetween(fields.ItemDeadline as string, date)).toBe(14);
      }
      expect(meetings.filter((fields) => fields.MeetingKind === 'Gemensamt med Västernorrland')).toHaveLength(1);
    }
  });

  it('are the same for the same date, and the meeting day itself is no longer ahead', () => {
    expect(exampleMeetingFields('2025-05-15')).toEqual(exampleMeetingFields('2025-05-15'));
    expect(exampleMeetingFields('2025-05-15').map((fields) => fields.MeetingDate)).toContain('2026-05-21');
    expect(exampleMeetingFields('2025-05-14').map((fields) => fields.MeetingDate)).toContain('2025-05-15');
  });

  it('refuse a date that is not YYYY-MM-DD', () => {
    expect(() => exampleMeetingFields('2025-02-30')).toThrow(RangeError);
  });
});
