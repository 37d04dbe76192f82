/**
 * Landing page of the consent popup: tells Teams whether the user consented, then Teams closes
 * the popup and the tab retries. Entra reports a refusal as `error=` in the query.
 */
import { app, authentication } from '@microsoft/teams-js';

async function finish(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  await app.initialize();
  const error = params.get('error');
  if (error) authentication.notifyFailure(params.get('error_description') ?? error);
  else authentication.notifySuccess('consented');
}

void finish().catch(() => {
  const message = document.getElementById('message');
  if (message) message.textContent = 'Du kan stänga det här fönstret. / You can close this window.';
});
