/**
 * "Spara i SharePoint" for one document (a meeting's agenda or minutes, the year's follow-up):
 * saves the Word file where the forum keeps documents and says where; in Teams the saved file
 * opens in Word for the web (teams-js `openLink`). When the app's earlier file had been changed by
 * someone, the new one is saved beside it, and the message says so. In local mode it saves under
 * the data folder and names the path.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { SavedDocumentView } from '../../../../src/view-model';
import type { FollowUpClient, SaveDocumentRequest } from '../api/follow-up-client';
import { actionStringsFor } from '../i18n/action-strings';
import { useApp } from './app-context';
import { ExternalLink } from './edit-link';

export function SaveDocument({ request, client, local }: { request: SaveDocumentRequest; client: FollowUpClient; local: boolean }) {
  const { strings, host } = useApp();
  const words = actionStringsFor(strings.language);
  const [state, setState] = useState<{ busy: boolean; saved: SavedDocumentView | null; failed: string | null }>({ busy: false, saved: null, failed: null });
  const save = () => {
    setState({ busy: true, saved: null, failed: null });
    client
      .saveDocument(request)
      .then((saved) => {
        setState({ busy: false, saved, failed: null });
        if (saved.webUrl && host.inTeams) void host.openExternal(saved.webUrl);
      })
      .catch((error: unknown) => setState({ busy: false, saved: null, failed: error instanceof Error && error.message ? error.message : words.saveFailed }));
  };
  const label = local ? words.saveLocal(request.kind) : words.saveSharePoint(request.kind);
  return (
    <span className="save-document">
      <Button size="small" appearance="secondary" disabled={state.busy} onClick={save}>
        {state.busy ? words.saving : label}
      </Button>
      {state.saved ? (
        <span role="status" className="save-document-result">
          {state.saved.outcome === 'saved-beside' ? words.savedBeside(state.saved.name, state.saved.editedBy) : words.saved(state.saved.location)}{' '}
          {state.saved.webUrl ? <ExternalLink href={state.saved.webUrl}>{words.openInWord}</ExternalLink> : null}
        </span>
      ) : null}
      {state.failed ? (
        <span role="alert" className="meeting-documents-failed">
          {state.failed}
        </span>
      ) : null}
    </span>
  );
}
