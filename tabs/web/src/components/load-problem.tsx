/**
 * What the tab shows instead of the list when it cannot load it: sign-in outside Teams,
 * a consent button (Teams' authentication popup), no access, or a retry. Never a blank page.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { formatInstant } from '../format';
import { useApp } from './app-context';

/**
 * `lastCopyAt`: when the list still on screen was last fetched (null when there is none), so a
 * failed poll says the list below is older rather than hiding it.
 */
export function LoadProblem({ error, onRetry, lastCopyAt = null }: { error: ApiError; onRetry(): void; lastCopyAt?: Date | null }) {
  const { strings, host } = useApp();
  const [consentFailed, setConsentFailed] = useState(false);

  if (error.code === 'consent-required') {
    const consent = () => {
      setConsentFailed(false);
      host
        .authenticate(`${window.location.origin}/auth/start`)
        .then(onRetry)
        .catch(() => setConsentFailed(true));
    };
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.consentTitle}</MessageBarTitle>
          {strings.consentBody}
          {consentFailed ? <p role="alert">{strings.consentFailed}</p> : null}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={consent} disabled={!host.inTeams}>
            {strings.consentButton}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (error.code === 'unauthorized') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.signInTitle}</MessageBarTitle>
          {host.inTeams ? strings.signInAgain : strings.signInOutsideTeams}
        </MessageBarBody>
        {host.inTeams ? (
          <MessageBarActions>
            <Button onClick={onRetry}>{strings.retry}</Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    );
  }
  if (error.code === 'access-denied') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.accessDeniedTitle}</MessageBarTitle>
          {strings.accessDeniedBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{strings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.loadFailedTitle}</MessageBarTitle>
        {[
          strings.loadFailedReason(
            error.code === 'network' || error.code === 'source-unavailable' || error.code === 'sign-in-unavailable' ? error.code : 'server',
            error.status,
          ),
          lastCopyAt ? strings.showingLastCopy(formatInstant(lastCopyAt.toISOString())) : '',
          strings.retryHint,
        ]
          .filter(Boolean)
          .join(' ')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{strings.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
