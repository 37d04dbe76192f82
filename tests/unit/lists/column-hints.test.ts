/**
 * The Swedish help text each column shows under its field in SharePoint's form: there for every
 * column of every list, a full sentence, short enough for a description, and not the English
 * reference text (which provisioning replaces on sites from earlier versions).
 */
import { LISTS } from '../../../src/lists/schema';

describe('column hints', () => {
  const columns = Object.values(LISTS).flatMap((list) => list.columns.map((column) => ({ list: list.list, ...column })));

  it('gives every column of every list a Swedish sentence of its own', () => {
    const faults = columns
      .filter(({ hint, description }) => hint.trim() === '' || hint === description || hint.length > 255 || !/[.]$/.test(hint) || !/^[A-ZÅÄÖ]/.test(hint))
      .map(({ list, name }) => `${list}.${name}`);
    expect(faults).toEqual([]);
  });

  it('asks for the Teams join link in the meetings list, which the side panel matches on', () => {
    const link = LISTS.meetings.columns.find((column) => column.name === 'MeetingLink');
    expect(link?.hint).toContain('Teams-mötet');
    expect(link?.hint).toContain('Varje möte har sin egen länk');
  });
});
