/**
 * An ärende's kind and status read in Teams as the secretariat chose them in the list "Ärenden SVOM".
 */
import { ERRAND_KIND_CHOICES, ERRAND_STATUS_CHOICES } from '../../../src/lists/forum-year-schema';
import { ERRAND_KIND_TERMS, ERRAND_STATUS_TERMS } from '../../../src/vocabulary';

describe('the words for ärenden', () => {
  it('are, in Swedish, the choices of the list', () => {
    expect(Object.fromEntries(ERRAND_KIND_CHOICES.map(([label, kind]) => [kind, label]))).toEqual(ERRAND_KIND_TERMS.sv);
    expect(Object.fromEntries(ERRAND_STATUS_CHOICES.map(([label, status]) => [status, label]))).toEqual(ERRAND_STATUS_TERMS.sv);
  });

  it('have an English word for every kind and status', () => {
    expect(Object.keys(ERRAND_KIND_TERMS.en).sort()).toEqual(Object.keys(ERRAND_KIND_TERMS.sv).sort());
    expect(Object.keys(ERRAND_STATUS_TERMS.en).sort()).toEqual(Object.keys(ERRAND_STATUS_TERMS.sv).sort());
    expect(ERRAND_STATUS_TERMS.en['referred-back']).toBe('Referred back');
  });
});
