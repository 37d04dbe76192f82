/**
 * The forum's year for the tab's tests: ärenden in the shape `GET /api/balance-list` carries them,
 * the 2017 golden dataset mapped and built exactly as the server does (`mapForumData` then
 * `buildForumYear`), and a follow-up client that answers from such data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Errand, ForumData } from '../../../../src/domain/errands';
import { buildForumYear } from '../../../../src/domain/forum-year';
import { mapForumData } from '../../../../src/lists/forum-year-mapping';
import type { SavedDocumentView } from '../../../../src/view-model';
import { FollowUpError, type FollowUpClient, type FollowUpResponse, type SaveDocumentRequest } from '../../../../tabs/web/src/api/follow-up-client';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SP = 'https://contoso.sharepoint.com/sites/svom/Lists/Arenden/DispForm.aspx?ID=';

export function errand(id: string, fields: Partial<Errand> = {}): Errand {
  return {
    id,
    key: `arende-${id}`,
    title: `Ärende ${id}`,
    meeting: null,
    year: null,
    entryKeys: [],
    preparingGroup: '',
    kind: null,
    status: null,
    decision: '',
    documentLink: null,
    order: Number(id),
    eTag: `"a${id},1"`,
    editUrl: `${SP}${id}`,
    ...fields,
  };
}

/** data/svom-2017.json through the lists' field mapping. */
export function forum2017(): ForumData {
  const lists = JSON.parse(readFileSync(join(ROOT, 'data', 'svom-2017.json'), 'utf8')) as Parameters<typeof mapForumData>[0];
  return mapForumData(lists);
}

/**
 * Answers as the API does: the year built from `data` (through JSON, as it crosses the wire), a
 * 400 for a year outside 2000–2100, and a Word file of a few bytes; records what was asked.
 */
export class ForumFollowUpClient implements FollowUpClient {
  loads: number[] = [];
  downloads: number[] = [];
  failDownload = false;

  constructor(private readonly data: ForumData) {}

  async load(year: number): Promise<FollowUpResponse> {
    this.loads.push(year);
    if (year < 2000 || year > 2100) throw new FollowUpError('invalid-year', 400, 'Året måste anges med fyra siffror, 2000–2100.');
    return JSON.parse(JSON.stringify(buildForumYear(this.data, year))) as FollowUpResponse;
  }

  async download(year: number): Promise<Blob> {
    this.downloads.push(year);
    if (this.failDownload) throw new FollowUpError('server', 500, 'HTTP 500');
    return new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  }

  meetingDownloads: string[] = [];
  saved: SaveDocumentRequest[] = [];

  async saveDocument(request: SaveDocumentRequest): Promise<SavedDocumentView> {
    this.saved.push(request);
    const name = request.kind === 'uppfoljning' ? `uppfoljning-svom-${request.year}.docx` : `${request.kind}-${request.meeting}.docx`;
    const folder = request.kind === 'uppfoljning' ? String(request.year) : '2022';
    return {
      name,
      location: `Balanslistan/${folder}/${name}`,
      webUrl: `https://contoso.sharepoint.com/sites/svom/Delade%20dokument/Balanslistan/${folder}/${name}`,
      outcome: this.saved.length > 1 ? 'saved-beside' : 'created',
      editedBy: this.saved.length > 1 ? 'Anna Berg' : null,
    };
  }

  async downloadMeeting(key: string, kind: 'dagordning' | 'minnesanteckningar'): Promise<Blob> {
    this.meetingDownloads.push(`${key}/${kind}`);
    if (!this.data.meetings.some((meeting) => meeting.key === key))
      throw new FollowUpError('server', 404, 'Det finns inget möte med den nyckeln i möteslistan.');
    return new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  }
}
