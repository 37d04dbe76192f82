import { agreementState } from '../../../src/domain/agreements';
import { parseValidity } from '../../../src/domain/validity';

const validTo = (to: string | null) => ({ text: '', from: null, to });

describe('agreementState', () => {
  it('is unknown without an end date, however the validity reads', () => {
    expect(agreementState(validTo(null), '2022-06-01', 90)).toEqual({ status: 'unknown', daysLeft: null });
    expect(agreementState(parseValidity('fr.o.m. 2022-01-01').validity, '2022-06-01', 90)).toEqual({ status: 'unknown', daysLeft: null });
    expect(agreementState(parseValidity('tills vidare').validity, '2022-06-01', 90).status).toBe('unknown');
  });

  it('never calls an unreadable validity active', () => {
    for (const text of ['2023-2021', 't.o.m. 2022-02-30', 'löpande?', '🙂']) {
      expect(agreementState(parseValidity(text).validity, '2022-06-01', 90).status).toBe('unknown');
    }
  });

  it('treats a malformed end date as unknown instead of failing', () => {
    expect(agreementState(validTo('2022-02-30'), '2022-01-01', 90)).toEqual({ status: 'unknown', daysLeft: null });
  });

  it.each([
    ['2022-01-01', 'active', 364],
    ['2022-10-02', 'active', 90],
    ['2022-10-03', 'expiring', 89],
    ['2022-12-30', 'expiring', 1],
    ['2022-12-31', 'expiring', 0],
    ['2023-01-01', 'expired', -1],
    ['2024-01-01', 'expired', -366],
  ])('t.o.m. 2022-12-31 seen on %s is %s with %i days left (horizon 89)', (today, status, daysLeft) => {
    expect(agreementState(validTo('2022-12-31'), today, 89)).toEqual({ status, daysLeft });
  });

  it('counts the horizon inclusively', () => {
    expect(agreementState(validTo('2022-12-31'), '2022-10-02', 90)).toEqual({ status: 'expiring', daysLeft: 90 });
    expect(agreementState(validTo('2022-12-31'), '2022-10-01', 90)).toEqual({ status: 'active', daysLeft: 91 });
  });

  it('with a horizon of 0 only the last day is expiring', () => {
    expect(agreementState(validTo('2022-03-31'), '2022-03-30', 0).status).toBe('active');
    expect(agreementState(validTo('2022-03-31'), '2022-03-31', 0).status).toBe('expiring');
  });

  it('counts calendar days across a daylight-saving change', () => {
    // 2022-03-27 is the spring change in Stockholm; the day count must not lose an hour-day.
    expect(agreementState(validTo('2022-03-31'), '2022-03-26', 30).daysLeft).toBe(5);
    expect(agreementState(validTo('2022-10-31'), '2022-10-29', 30).daysLeft).toBe(2);
  });

  it('reads the 2022 list as the secretariat would on 2022-06-01', () => {
    const today = '2022-06-01';
    expect(agreementState(parseValidity('2021-2023').validity, today, 180)).toEqual({ status: 'active', daysLeft: 578 });
    expect(agreementState(parseValidity('t.o.m. 2022-12-31').validity, today, 180)).toEqual({ status: 'active', daysLeft: 213 });
    expect(agreementState(parseValidity('t.o.m. 2022-03-31').validity, today, 180)).toEqual({ status: 'expired', daysLeft: -62 });
    expect(agreementState(parseValidity('t.o.m. 2022-12-31').validity, '2022-07-04', 180)).toEqual({ status: 'expiring', daysLeft: 180 });
    expect(agreementState(parseValidity('').validity, today, 180)).toEqual({ status: 'unknown', daysLeft: null });
  });
});
