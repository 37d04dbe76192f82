/**
 * A meeting's documents under Möten: the agenda (dagordning) as Word, and once the meeting is
 * held the minutes (minnesanteckningar). Fetched with the sign-in token and saved, as the year's
 * follow-up is; a meeting without a key (Mötesnyckel) has no address for its documents.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '../../../../src/domain/types';
import type { FollowUpClient } from '../api/follow-up-client';
import { actionStringsFor } from '../i18n/action-strings';
import { saveFile } from '../save-file';
import { useApp } from './app-context';
import { SaveDocument } from './save-document';

type Kind = 'dagordning' | 'minnesanteckningar';

interface Props {
  meeting: Meeting;
  held: boolean;
  client: FollowUpClient | undefined;
  /** Local mode: documents are saved under the data folder rather than in SharePoint. */
  local: boolean;
}

export function MeetingDocuments({ meeting, held, client, local }: Props) {
  const { strings } = useApp();
  const words = actionStringsFor(strings.language);
  const [state, setState] = useState<{ busy: Kind | null; failed: boolean }>({ busy: null, failed: false });
  if (client === undefined || meeting.key === '') return null;
  const fetchFile = (kind: Kind) => {
    setState({ busy: kind, failed: false });
    client
      .downloadMeeting(meeting.key, kind)
      .then((blob) => {
        saveFile(blob, words.documentFile(kind, meeting.key));
        setState({ busy: null, failed: false });
      })
      .catch(() => setState({ busy: null, failed: true }));
  };
  const kinds: Kind[] = held ? ['dagordning', 'minnesanteckningar'] : ['dagordning'];
  return (
    <div className="meeting-documents" data-documents={meeting.key}>
      {kinds.map((kind) => (
        <span key={kind} className="meeting-document">
          <Button size="small" appearance="secondary" disabled={state.busy !== null} onClick={() => fetchFile(kind)}>
            {state.busy === kind ? words.documentBusy : words.documentButton(kind)}
          </Button>
          <SaveDocument request={{ kind, meeting: meeting.key }} client={client} local={local} />
        </span>
      ))}
      {state.failed ? (
        <p role="alert" className="meeting-documents-failed">
          {words.documentFailed}
        </p>
      ) : null}
    </div>
  );
}
