import { loadConfig, TENANT_VARIABLES } from '../../../src/config';
import { ConfigError } from '../../../src/errors';

const TENANT = {
  AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AZURE_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
  AZURE_CLIENT_SECRET: 'not-a-real-secret',
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/svom',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs in local mode on loopback with no settings at all', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.graph).toBeNull();
    expect(config.sharePoint).toBeNull();
    expect(config.tabAuth).toBeNull();
    expect(config.stateStore).toEqual({ kind: 'file', dir: '.data' });
    expect(config.playground.enabled).toBe(true);
    expect(config.bot.appId).toBeNull();
    expect(config.bot.expiryThresholds).toEqual([180, 90, 30, 0]);
    expect(config.bot.meetingReminderDays).toEqual([14, 2]);
    expect(config.bot.expiredWithinDays).toBe(365);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ AZURE_TENANT_ID: '  ', PORT: '' }).mode).toBe('local');
  });

  it('switches to SharePoint mode with complete tenant settings and the documented defaults', () => {
    const config = loadConfig({ ...TENANT, MicrosoftAppId: TENANT.AZURE_CLIENT_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT.AZURE_TENANT_ID });
    expect(config.mode).toBe('sharepoint');
    expect(config.host).toBe('0.0.0.0');
    expect(config.graph).toMatchObject({
      tenantId: TENANT.AZURE_TENANT_ID,
      clientId: TENANT.AZURE_CLIENT_ID,
      credential: { kind: 'secret', secret: 'not-a-real-secret' },
      baseUrl: 'https://graph.microsoft.com/v1.0',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(config.sharePoint).toEqual({
      siteUrl: 'https://contoso.sharepoint.com/sites/svom',
      siteId: null,
      lists: {
        balance: 'Balanslista SVOM',
        meetings: 'Möten SVOM',
        errands: 'Ärenden SVOM',
        forum: 'Forum SVOM',
        sections: 'Avsnitt SVOM',
        actions: 'Uppdrag SVOM',
      },
    });
    expect(config.tabAuth?.allowedTenants).toEqual([TENANT.AZURE_TENANT_ID]);
    expect(config.playground.enabled).toBe(false);
  });

  it('derives the App ID URI audience from PUBLIC_URL', () => {
    const config = loadConfig({ ...TENANT, PUBLIC_URL: 'https://svom.example.org/' });
    expect(config.publicUrl).toBe('https://svom.example.org');
    expect(config.tabAuth?.audiences).toEqual([TENANT.AZURE_CLIENT_ID, `api://svom.example.org/${TENANT.AZURE_CLIENT_ID}`]);
  });

  it('accepts a national cloud and a test Graph server', () => {
    const config = loadConfig({ ...TENANT, GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0/', AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us' });
    expect(config.graph?.baseUrl).toBe('http://127.0.0.1:4000/v1.0');
    expect(config.graph?.authorityHost).toBe('https://login.microsoftonline.us');
  });

  it.each([['https://graph.microsoft.com'], ['https://graph.microsoft.com/'], ['https://graph.microsoft.com/v1.0?x=1'], ['graph.microsoft.com/v1.0']])(
    'refuses GRAPH_BASE_URL=%s, naming the setting',
    (url) => {
      expect(() => loadConfig({ ...TENANT, GRAPH_BASE_URL: url })).toThrow(/GRAPH_BASE_URL must/);
    },
  );

  it.each(TENANT_VARIABLES.map((name) => [name]))('names what is missing when only %s is set', (name) => {
    const value = name.endsWith('_ID')
      ? TENANT.AZURE_TENANT_ID
      : name === 'SHAREPOINT_SITE_URL'
        ? TENANT.SHAREPOINT_SITE_URL
        : name === 'AZURE_CLIENT_CREDENTIAL'
          ? 'managed-identity'
          : 'something';
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SharePoint mode needs /);
    expect(problems[0]).toMatch(/local mode/);
  });

  it('lists every missing variable of a partial tenant configuration at once', () => {
    const problems = problemsOf({ AZURE_TENANT_ID: TENANT.AZURE_TENANT_ID });
    expect(problems[0]).toContain('AZURE_CLIENT_ID');
    expect(problems[0]).toContain('a credential (MANAGED_IDENTITY_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_CLIENT_SECRET)');
    expect(problems[0]).toContain('SHAREPOINT_SITE_URL (or SHAREPOINT_SITE_ID)');
  });

  it('rejects two credentials unless AZURE_CLIENT_CREDENTIAL chooses one, and then announces the unused one', () => {
    expect(problemsOf({ ...TENANT, AZURE_CLIENT_CERTIFICATE_PATH: 'cert.pem' })).toEqual([
      'Several credentials are set (AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH): set AZURE_CLIENT_CREDENTIAL to secret, certificate or managed-identity to choose, or remove the others',
    ]);
    const config = loadConfig({ ...TENANT, AZURE_CLIENT_CERTIFICATE_PATH: 'cert.pem', AZURE_CLIENT_CREDENTIAL: 'certificate' });
    expect(config.graph?.credential).toEqual({ kind: 'certificate', path: 'cert.pem', password: null });
    expect(config.warnings).toContain('AZURE_CLIENT_CREDENTIAL=certificate: AZURE_CLIENT_SECRET is set but not used; remove it from the settings');
  });

  describe('managed identity', () => {
    const { AZURE_CLIENT_SECRET: _secret, ...WITHOUT_SECRET } = TENANT;
    const IDENTITY = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const APP_SERVICE = { IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token', IDENTITY_HEADER: 'platform-set-header' };

    it('is chosen by MANAGED_IDENTITY_CLIENT_ID, with the endpoint App Service sets', () => {
      const config = loadConfig({ ...WITHOUT_SECRET, MANAGED_IDENTITY_CLIENT_ID: IDENTITY, ...APP_SERVICE });
      expect(config.graph?.credential).toEqual({ kind: 'managed-identity', managedIdentityClientId: IDENTITY, endpoint: APP_SERVICE.IDENTITY_ENDPOINT });
      expect(config.warnings.filter((warning) => /IDENTITY_ENDPOINT/.test(warning))).toEqual([]);
      expect(JSON.stringify(config)).not.toContain(APP_SERVICE.IDENTITY_HEADER);
    });

    it('warns that the instance metadata service is asked when the platform set no endpoint', () => {
      const config = loadConfig({ ...WITHOUT_SECRET, AZURE_CLIENT_CREDENTIAL: 'managed-identity', MANAGED_IDENTITY_CLIENT_ID: IDENTITY });
      expect(config.graph?.credential).toEqual({ kind: 'managed-identity', managedIdentityClientId: IDENTITY, endpoint: null });
      expect(config.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^IDENTITY_ENDPOINT is not set: .* instance metadata service/)]));
    });

    it('names what a chosen credential lacks, and refuses contradictions', () => {
      expect(problemsOf({ ...TENANT, AZURE_CLIENT_CREDENTIAL: 'managed-identity' })[0]).toContain(
        'MANAGED_IDENTITY_CLIENT_ID (AZURE_CLIENT_CREDENTIAL=managed-identity)',
      );
      expect(problemsOf({ ...TENANT, AZURE_CLIENT_CREDENTIAL: 'certificate' })[0]).toContain(
        'AZURE_CLIENT_CERTIFICATE_PATH (AZURE_CLIENT_CREDENTIAL=certificate)',
      );
      expect(problemsOf({ ...TENANT, AZURE_CLIENT_CREDENTIAL: 'password' })).toEqual([
        'AZURE_CLIENT_CREDENTIAL must be secret, certificate or managed-identity',
      ]);
      expect(problemsOf({ ...WITHOUT_SECRET, MANAGED_IDENTITY_CLIENT_ID: TENANT.AZURE_CLIENT_ID, ...APP_SERVICE })[0]).toMatch(
        /^MANAGED_IDENTITY_CLIENT_ID is the same as AZURE_CLIENT_ID/,
      );
      expect(problemsOf({ ...WITHOUT_SECRET, MANAGED_IDENTITY_CLIENT_ID: IDENTITY, IDENTITY_ENDPOINT: APP_SERVICE.IDENTITY_ENDPOINT })).toEqual([
        'IDENTITY_ENDPOINT is set without IDENTITY_HEADER: both come from the platform (App Service, Container Apps); set both or neither',
      ]);
    });

    it("gives the bot the app's credential when the bot is the same app, and its own otherwise", () => {
      const bot = { MicrosoftAppTenantId: TENANT.AZURE_TENANT_ID };
      const shared = loadConfig({ ...WITHOUT_SECRET, MANAGED_IDENTITY_CLIENT_ID: IDENTITY, ...APP_SERVICE, ...bot, MicrosoftAppId: TENANT.AZURE_CLIENT_ID });
      expect(shared.bot.credential).toEqual(shared.graph?.credential);
      const withPassword = loadConfig({
        ...WITHOUT_SECRET,
        MANAGED_IDENTITY_CLIENT_ID: IDENTITY,
        ...APP_SERVICE,
        ...bot,
        MicrosoftAppId: TENANT.AZURE_CLIENT_ID,
        MicrosoftAppPassword: 'bot-secret',
      });
      expect(withPassword.bot.credential).toEqual({ kind: 'secret', secret: 'bot-secret' });
      const msi = loadConfig({ ...TENANT, ...APP_SERVICE, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: IDENTITY, ...bot });
      expect(msi.bot.credential).toEqual({ kind: 'managed-identity', managedIdentityClientId: IDENTITY, endpoint: APP_SERVICE.IDENTITY_ENDPOINT });
      expect(loadConfig({}).bot.credential).toBeNull();
    });
  });

  it('rejects invalid values with messages that name the variable', () => {
    const problems = problemsOf({ PORT: 'eighty', AZURE_TENANT_ID: 'contoso', LOG_LEVEL: 'loud', SHAREPOINT_SITE_URL: 'svom' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number',
        'AZURE_TENANT_ID must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        'SHAREPOINT_SITE_URL must be an absolute URL',
      ]),
    );
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be at most 65535']);
  });

  it('refuses to listen beyond loopback in local mode', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/HOST=0\.0\.0\.0 is not a loopback address: local mode needs no sign-in/);
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('keeps an unauthenticated bot on loopback in SharePoint mode, and warns about it', () => {
    const config = loadConfig(TENANT);
    expect(config.host).toBe('127.0.0.1');
    expect(config.warnings[0]).toMatch(/MicrosoftAppId is not set/);
    expect(problemsOf({ ...TENANT, HOST: '0.0.0.0' })[0]).toMatch(/without MicrosoftAppId the bot endpoint is unauthenticated/);
  });

  it('requires the password and tenant of a SingleTenant bot', () => {
    const problems = problemsOf({ MicrosoftAppId: TENANT.AZURE_CLIENT_ID });
    expect(problems).toEqual([
      'MicrosoftAppId is set but MicrosoftAppPassword is missing: set it, or make MicrosoftAppId the same app as AZURE_CLIENT_ID so the bot uses its credential (AZURE_CLIENT_CREDENTIAL)',
      'MicrosoftAppType SingleTenant needs MicrosoftAppTenantId',
    ]);
  });

  it('parses reminder days, quiet hours and schedules', () => {
    const config = loadConfig({
      REMINDER_EXPIRY_DAYS: '30, 0,90,30',
      REMINDER_MEETING_DAYS: '7',
      QUIET_HOURS: 'off',
      DIGEST_SCHEDULE: 'off',
      QUIET_WEEKENDS: 'no',
    });
    expect(config.bot.expiryThresholds).toEqual([90, 30, 0]);
    expect(config.bot.meetingReminderDays).toEqual([7]);
    expect(config.bot.quietHours).toBeNull();
    expect(config.bot.digestSchedule).toBeNull();
    expect(config.bot.quietWeekends).toBe(false);
    expect(loadConfig({}).bot.quietHours).toEqual({ start: '18:00', end: '07:00' });
    expect(problemsOf({ REMINDER_EXPIRY_DAYS: 'soon' })[0]).toMatch(/REMINDER_EXPIRY_DAYS must be a comma-separated list/);
    expect(loadConfig({}).bot.actionReminderDays).toEqual([7, 0]);
    expect(loadConfig({ REMINDER_ACTION_DAYS: ' 3, 14,0,3 ' }).bot.actionReminderDays).toEqual([14, 3, 0]);
    expect(loadConfig({ REMINDER_ACTION_DAYS: '' }).bot.actionReminderDays).toEqual([7, 0]);
    for (const text of ['a week', '-1', '7;0', '1.5']) {
      expect(problemsOf({ REMINDER_ACTION_DAYS: text })).toEqual(['REMINDER_ACTION_DAYS must be a comma-separated list of whole days, e.g. "7,0"']);
    }
    expect(problemsOf({ QUIET_HOURS: '25:00-07:00' })[0]).toMatch(/QUIET_HOURS must be/);
    expect(problemsOf({ NOTIFY_SCHEDULE: 'every day' })[0]).toMatch(/NOTIFY_SCHEDULE must be a cron expression/);
  });

  it("reads the day the year's follow-up is ready as a month and day that exists every year", () => {
    expect(loadConfig({}).bot.followUpReadyDate).toBeNull();
    expect(loadConfig({ FOLLOW_UP_READY_DATE: '12-20' }).bot.followUpReadyDate).toEqual({ month: 12, day: 20 });
    expect(loadConfig({ FOLLOW_UP_READY_DATE: ' 01-15 ' }).bot.followUpReadyDate).toEqual({ month: 1, day: 15 });
    for (const text of ['02-29', '13-01', '12-32', '2022-12-20', '1-5', 'december']) {
      expect(problemsOf({ FOLLOW_UP_READY_DATE: text })).toEqual([
        `FOLLOW_UP_READY_DATE must be a month and day written MM-DD that exists in every year (e.g. "12-20" or "01-15"), not "${text}"`,
      ]);
    }
  });

  it('needs a connection string for the Blob state store', () => {
    expect(problemsOf({ STATE_STORE: 'blob' })).toEqual(['STATE_STORE=blob needs AZURE_STORAGE_CONNECTION_STRING']);
    expect(loadConfig({ STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).stateStore).toEqual({
      kind: 'blob',
      connectionString: 'UseDevelopmentStorage=true',
      container: 'balanslistan-state',
    });
  });

  it('takes TODAY (the demo clock) in local mode, and warns that the date is not the real one', () => {
    const config = loadConfig({ TODAY: '2022-12-01' });
    expect(config.today).toBe('2022-12-01');
    expect(config.warnings.join('\n')).toContain('TODAY=2022-12-01: demo clock');
    expect(loadConfig({}).today).toBeNull();
    expect(loadConfig({ TODAY: ' ' }).today).toBeNull();
  });

  it.each(['2022-02-30', '1/12/2022', 'today', '2022-12-01T10:00'])('refuses TODAY=%s, which is not a date', (today) => {
    expect(problemsOf({ TODAY: today })).toEqual([`TODAY must be a date written YYYY-MM-DD, e.g. "2022-12-01", not "${today}"`]);
  });

  it('refuses TODAY outside local mode', () => {
    expect(problemsOf({ ...TENANT, TODAY: '2022-12-01' })).toEqual([
      'TODAY (the demo clock) only works in local mode: in SharePoint mode reminders must follow the real date; unset TODAY',
    ]);
  });

  it('reads the refresh schedule: fast, idle and the demand window, with their defaults', () => {
    expect(loadConfig({}).refresh).toEqual({ fastSeconds: 30, idleSeconds: 600, demandSeconds: 300, notifiedSeconds: 3600 });
    expect(
      loadConfig({ REFRESH_INTERVAL_SECONDS: '15', IDLE_REFRESH_SECONDS: '900', DEMAND_WINDOW_SECONDS: '120', NOTIFIED_REFRESH_SECONDS: '7200' }).refresh,
    ).toEqual({ fastSeconds: 15, idleSeconds: 900, demandSeconds: 120, notifiedSeconds: 7200 });
    expect(loadConfig({ REFRESH_INTERVAL_SECONDS: '3600' }).refresh.idleSeconds).toBe(3600);
    expect(problemsOf({ REFRESH_INTERVAL_SECONDS: '60', IDLE_REFRESH_SECONDS: '30' })).toEqual([
      'IDLE_REFRESH_SECONDS (30) must be at least REFRESH_INTERVAL_SECONDS (60)',
    ]);
  });

  it('turns change notifications on only in SharePoint mode with an https PUBLIC_URL, and says why not otherwise', () => {
    expect(loadConfig({ ...TENANT }).changeNotifications).toBeNull();
    const on = loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on', PUBLIC_URL: 'https://balanslistan.example.org/' });
    expect(on.changeNotifications).toEqual({
      notificationUrl: 'https://balanslistan.example.org/api/graph/notifications',
      lifecycleNotificationUrl: 'https://balanslistan.example.org/api/graph/lifecycle',
    });
    const plain = loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on', PUBLIC_URL: 'http://balanslistan.example.org' });
    expect(plain.changeNotifications).toBeNull();
    expect(plain.warnings.join('\n')).toMatch(/CHANGE_NOTIFICATIONS=on needs PUBLIC_URL to be the app's public https address/);
    const none = loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on' });
    expect(none.changeNotifications).toBeNull();
    const local = loadConfig({ CHANGE_NOTIFICATIONS: 'on' });
    expect(local.changeNotifications).toBeNull();
    expect(local.warnings.join('\n')).toMatch(/no effect in local mode/);
  });

  it('decides the freshness mode in one place (freshnessMode), with the reason start-up and the doctor print', () => {
    expect(loadConfig({ ...TENANT, PUBLIC_URL: 'https://balanslistan.example.org' }).freshness).toEqual({
      mode: 'on-demand',
      cause: 'off',
      reason: 'CHANGE_NOTIFICATIONS is off',
    });
    const on = loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on', PUBLIC_URL: 'https://balanslistan.example.org/' }).freshness;
    expect(on).toMatchObject({ mode: 'notifications', reason: 'CHANGE_NOTIFICATIONS=on and PUBLIC_URL https://balanslistan.example.org is https' });
    expect(loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on' }).freshness).toMatchObject({ mode: 'on-demand', cause: 'no-public-url' });
    const plain = loadConfig({ ...TENANT, CHANGE_NOTIFICATIONS: 'on', PUBLIC_URL: 'http://balanslistan.example.org' });
    expect(plain.freshness).toEqual({
      mode: 'on-demand',
      cause: 'not-https',
      reason:
        "CHANGE_NOTIFICATIONS=on needs PUBLIC_URL to be the app's public https address (Graph only posts notifications to https), and PUBLIC_URL is http://balanslistan.example.org",
    });
    // The start-up warning is the same reason, word for word.
    expect(plain.warnings).toContain(`${plain.freshness.reason}; reading the lists on demand instead`);
    expect(loadConfig({ CHANGE_NOTIFICATIONS: 'on' }).freshness).toMatchObject({ mode: 'on-demand', cause: 'local' });
    expect(loadConfig({}).freshness).toMatchObject({ mode: 'on-demand', cause: 'off' });
  });

  it('reads MEETING_WITHIN_DAYS, default 120', () => {
    expect(loadConfig({}).meetingWithinDays).toBe(120);
    expect(loadConfig({ MEETING_WITHIN_DAYS: '30' }).meetingWithinDays).toBe(30);
    expect(problemsOf({ MEETING_WITHIN_DAYS: '0' })).toEqual(['MEETING_WITHIN_DAYS must be at least 1']);
  });

  it('never puts a secret into an error message', () => {
    const problems = problemsOf({ ...TENANT, AZURE_CLIENT_SECRET: 'super-secret-value', AZURE_CLIENT_CERTIFICATE_PATH: 'x.pem' });
    expect(problems.join(' ')).not.toContain('super-secret-value');
  });
});
