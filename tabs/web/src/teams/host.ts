/**
 * The page's host: Microsoft Teams (or another Microsoft 365 app) when the tab runs inside one,
 * or a plain browser. Everything the UI needs from the host goes through `Host`, so components
 * can be tested with a fake and the page works outside Teams.
 */
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface SaveRequest {
  /** The view the channel tab opens with. */
  view: string;
  displayName: string;
}

/** Who is signed in to Teams: Entra user object id and tenant id, from the Teams context. */
export interface Account {
  userId: string;
  tenantId: string;
}

/** The Teams meeting the tab runs in, as Teams tells it. */
export interface TeamsMeeting {
  /** Where in the meeting: `sidePanel` (the panel beside the call), `content` (the details tab), `meetingStage`. */
  frameContext: string;
  /** The meeting's chat thread (`19:meeting_…@thread.v2`), when Teams gives it. */
  chatId: string | null;
  /** Teams' meeting id (it encodes the same thread), when Teams gives it. */
  meetingId: string | null;
  /**
   * Asks Teams for the meeting's details (scheduled start, join link). Teams answers only an app
   * the meeting has granted it (the manifest's resource-specific `OnlineMeeting.ReadBasic.Chat`,
   * `ChannelMeeting.ReadBasic.Group`); absent where the host cannot be asked.
   */
  details?: () => Promise<TeamsMeetingDetails>;
}

/** The Teams meeting's details as Teams tells them, or why it did not. */
export type TeamsMeetingDetails =
  | {
      ok: true;
      /** The scheduled start (an instant, e.g. `2022-11-17T08:00:00Z`), or null for a meeting without one. */
      scheduledStart: string | null;
      /** The meeting's join link, when Teams gives it. */
      joinUrl: string | null;
    }
  /** Teams refused (no permission), failed or did not answer: `reason` is for the log. */
  | { ok: false; reason: string };

export interface Host {
  /** True when `app.initialize()` succeeded (the page runs in Teams or Microsoft 365). */
  readonly inTeams: boolean;
  /** The host's locale (e.g. "sv-SE"), or the browser's outside Teams. */
  readonly locale: string;
  readonly theme: ThemeName;
  /** The signed-in Teams user (known before any token is asked for), or null outside Teams. */
  readonly account?: Account | null;
  /** The tab state a deep link asked for (Teams' `page.subPageId`, e.g. `view=avtal`), or null. */
  readonly deepLink?: string | null;
  /** The Teams meeting the tab is opened in (side panel or details tab), or null/absent elsewhere. */
  readonly meeting?: TeamsMeeting | null;
  /** Subscribes to theme changes; returns an unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /** A Teams SSO token for the tab API, or null outside Teams. */
  getAuthToken(): Promise<string | null>;
  /** Opens the consent popup at `url` and resolves when it reports success. */
  authenticate(url: string): Promise<void>;
  /** Opens `url` outside the tab (the browser) when in Teams; returns false when the page should follow the link itself. */
  openExternal(url: string): Promise<boolean>;
  /** Config page: registers what "Save" stores, and enables the button. */
  registerConfigSave(getRequest: () => SaveRequest): void;
}

/** Teams' theme names to ours. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

/** Outside Teams: the URL's `theme=` (for links and tests), else the system's preference. */
export function browserTheme(search: string, matchMedia?: (query: string) => { matches: boolean }): ThemeName {
  const requested = new URLSearchParams(search).get('theme');
  if (requested === 'dark' || requested === 'contrast' || requested === 'light') return requested;
  if (requested === 'default') return 'light';
  if (!matchMedia) return 'light';
  if (matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** A host for a plain browser page. */
export function browserHost(options: { locale: string; theme: ThemeName }): Host {
  return {
    inTeams: false,
    locale: options.locale,
    theme: options.theme,
    account: null,
    onThemeChange: () => () => undefined,
    getAuthToken: async () => null,
    authenticate: async () => {
      throw new Error('Consent needs Microsoft Teams');
    },
    openExternal: async () => false,
    registerConfigSave: () => undefined,
  };
}
