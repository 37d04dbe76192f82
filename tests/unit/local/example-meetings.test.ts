import { daysBetween } from '../../../src/domain/dates';
import { EXAMPLE_ACTION_NOTE, exampleFollowUpFields } from '../../../src/local/example-follow-up';
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

describe('the example held meeting with decisions and actions', () => {
  const keys = new Set(['prio-1', 'prio-3']);

  it('is the last ordinary meeting before today, with two decided ärenden and actions: one overdue, one due within a week, one done', () => {
    const today = '2022-12-01';
    const held = exampleFollowUpFields(today, keys);
    expect([held.meeting.MeetingDate, held.meeting.MeetingKey]).toEqual(['2022-11-17', 'exempel-2022-11-17']);
    expect(held.errands.map((fields) => [fields.MeetingKey, fields.EntryKeys, fields.ErrandStatus])).toEqual([
      ['exempel-2022-11-17', 'prio-3', 'Behandlat'],
      ['exempel-2022-11-17', 'prio-1', 'Behandlat'],
    ]);
    expect(held.actions.map((fields) => [fields.DueDate, fields.ActionStatus])).toEqual([
      ['2022-11-28', 'Pågår'],
      ['2022-12-06', 'Pågår'],
      ['2022-12-31', 'Pågår'],
      ['2022-11-24', 'Klart'],
    ]);
    for (const fields of [held.meeting, ...held.errands, ...held.actions]) expect(fields.Title).toMatch(/^Exempel: /);
    for (const fields of held.actions) expect(fields.Notes).toBe(EXAMPLE_ACTION_NOTE);
  });

  it('never makes an action due before its meeting, nor names an entry the balance list lacks, on any day', () => {
    for (let day = 0; day < 366; day += 1) {
      const today = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      const held = exampleFollowUpFields(today, new Set(['prio-3']));
      const date = held.meeting.MeetingDate as string;
      expect(date < today).toBe(true);
      expect(daysBetween(date, today)).toBeLessThanOrEqual(190);
      for (const fields of held.actions) expect((fields.DueDate as string) >= date).toBe(true);
      expect((held.actions[0]?.DueDate as string) < today).toBe(true);
      expect(held.errands.map((fields) => fields.EntryKeys)).toEqual(['prio-3', '']);
    }
  });
});
