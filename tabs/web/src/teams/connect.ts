/**
 * Connects to Teams with `@microsoft/teams-js`. Outside Teams `app.initialize()` rejects or never
 * answers, so it is raced against a short timeout and the page carries on as a plain web page.
 * The library is loaded on demand so that the first paint does not wait for it.
 */
import { channelTabAddresses } from './address-account';
import { browserHost, browserTheme, themeFromTeams, type Host, type SaveRequest, type ThemeName } from './host';
import { meetingDetailsReader } from './meeting-details';

const INIT_TIMEOUT_MS = 1500;

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => window.setTimeout(() => resolve('timeout'), ms));
}

/** Resolves with a Teams host inside Teams, or a browser host within about 1.5 s elsewhere. */
export async function connectHost(): Promise<Host> {
  const search = window.location.search;
  const fallback = browserHost({
    locale: new URLSearchParams(search).get('lang') ?? navigator.language ?? 'sv-SE',
    theme: browserTheme(search, (query) => window.matchMedia(query)),
  });
  // A page that is not framed and has no opener cannot be in Teams: skip loading the library.
  if (window.parent === window && !window.opener) return fallback;
  try {
    const teams = await import('@microsoft/teams-js');
    const outcome = await Promise.race([teams.app.initialize().then(() => 'ready' as const), timeout(INIT_TIMEOUT_MS)]);
    if (outcome !== 'ready') return fallback;
    const context = await teams.app.getContext();
    const listeners = new Set<(theme: ThemeName) => void>();
    teams.app.registerOnThemeChangeHandler((name) => {
      for (const listener of listeners) listener(themeFromTeams(name));
    });
    const host: Host = {
      inTeams: true,
      locale: new URLSearchParams(search).get('lang') ?? context.app.locale ?? fallback.locale,
      theme: themeFromTeams(context.app.theme),
      account: context.user?.id && context.user.tenant?.id ? { userId: context.user.id, tenantId: context.user.tenant.id } : null,
      deepLink: context.page.subPageId || null,
      meeting:
        context.meeting?.id || context.page.frameContext === 'sidePanel' || context.page.frameContext === 'meetingStage'
          ? {
              frameContext: context.page.frameContext,
              chatId: context.chat?.id ?? null,
              meetingId: context.meeting?.id ?? null,
              details: meetingDetailsReader(teams),
            }
          : null,
      onThemeChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      getAuthToken: () => teams.authentication.getAuthToken(),
      async authenticate(url) {
        await teams.authentication.authenticate({ url, width: 600, height: 535 });
      },
      async openExternal(url) {
        await teams.app.openLink(url);
        return true;
      },
      registerConfigSave(getRequest: () => SaveRequest) {
        teams.pages.config.registerOnSaveHandler((event) => {
          const request = getRequest();
          // With the user and tenant for Teams to fill in, so a repeat visit can paint the kept
          // page before teams-js answers.
          const { contentUrl, websiteUrl } = channelTabAddresses(window.location.origin, request.view);
          teams.pages.config
            .setConfig({ contentUrl, websiteUrl, entityId: `balanslistan-${request.view}`, suggestedDisplayName: request.displayName })
            .then(() => event.notifySuccess())
            .catch((error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)));
        });
        teams.pages.config.setValidityState(true);
      },
    };
    teams.app.notifySuccess();
    return host;
  } catch {
    return fallback;
  }
}
