import type { RevisionStatus } from '../../../src/domain/types';
import { mapEntry } from '../../../src/lists/mapping';
import { revisionChoiceText, revisionFields } from '../../../src/lists/revision-fields';

const STATUSES: RevisionStatus[] = ['not-needed', 'may-be-needed', 'started', 'revised'];

describe('revision fields', () => {
  it('writes the column texts SharePoint offers', () => {
    expect(revisionFields({ status: 'started', by: 'Anna Andersson', at: '2022-12-01T09:00:00.000Z' })).toEqual({
      RevisionStatus: 'Revision påbörjad',
      RevisionUpdatedBy: 'Anna Andersson',
      RevisionUpdatedAt: '2022-12-01T09:00:00.000Z',
    });
  });

  it.each(STATUSES)('reads %s back as the same status', (status) => {
    const entry = mapEntry({
      id: '7',
      eTag: '"7,1"',
      webUrl: 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=7',
      lastModifiedDateTime: null,
      fields: {
        Title: 'Avtal',
        EntryKey: 'avtal-7',
        Section: 'Överenskommelser och avtal rekommendationsbeslutade av SVOM',
        EntryKind: 'Avtal',
        RevisionStatus: revisionChoiceText(status),
      },
    });
    expect(entry.agreement?.revisionStatus).toBe(status);
  });
});
