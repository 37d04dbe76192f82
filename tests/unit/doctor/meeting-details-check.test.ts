/**
 * The doctor's line on the meeting side panel's reads through the bot: meetings grant their
 * resource-specific permissions to the app in the package's webApplicationInfo (AZURE_CLIENT_ID),
 * and the Bot Connector checks them for the bot's app id, so the two must be one app.
 */
import { loadConfig } from '../../../src/config';
import { checkConfig } from '../../../src/doctor/config-checks';

const APP = '3f2a9c1e-7b4d-4e8f-9a6b-2c1d0e9f8a7b';
const OTHER_BOT = '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968';
const TENANT = '9f044231-b634-4bdd-b29d-2776e3dbd699';

function lineFor(env: Record<string, string>) {
  const config = loadConfig({
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: APP,
    AZURE_CLIENT_SECRET: 'not-a-real-secret',
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/svom',
    PUBLIC_URL: 'https://balanslistan.example.org',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return checkConfig(config).find((check) => check.id === 'meeting-details');
}

describe('the meeting-details line of npm run doctor', () => {
  it('is ok when the bot is the app the package names', () => {
    expect(lineFor({ MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT })).toMatchObject({ status: 'ok' });
  });

  it('warns, naming both apps, when the bot is another app registration', () => {
    const line = lineFor({ MicrosoftAppId: OTHER_BOT, MicrosoftAppPassword: 'not-a-real-password', MicrosoftAppTenantId: TENANT });
    expect(line).toMatchObject({ status: 'warning' });
    expect(line?.message).toContain(`The bot (${OTHER_BOT}) is another app registration than the one the app package's webApplicationInfo names (${APP})`);
  });

  it('is left out without a bot app id (bot-app-id reports that)', () => {
    expect(lineFor({})).toBeUndefined();
  });
});
