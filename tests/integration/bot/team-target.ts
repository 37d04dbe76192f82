/**
 * The team the bot tests install: SVOM's General conversation on the fake Bot Connector at
 * `serviceUrl`, posting to the SVOM channel, as the registry stores it after installation.
 */
import type { TeamTarget } from '../../../bot/contracts';
import { BOT_ID, BOT_NAME } from '../../fakes/fake-bot-connector';

export const GENERAL = '19:general-svom@thread.tacv2';
export const CHANNEL = '19:svom-channel@thread.tacv2';

/** The installed team; `channelId: null` is a team whose posting channel was never chosen. */
export function installedTeam(serviceUrl: string, options: { tenantId: string; channelId?: string | null }): TeamTarget {
  const channelId = options.channelId === undefined ? CHANNEL : options.channelId;
  return {
    teamId: GENERAL,
    tenantId: options.tenantId,
    serviceUrl,
    channelId,
    channelName: channelId ? 'SVOM' : null,
    conversationReference: {
      channelId: 'msteams',
      bot: { id: BOT_ID, name: BOT_NAME },
      conversation: { id: GENERAL, isGroup: true, conversationType: 'channel' },
      serviceUrl,
    },
    language: 'sv',
    active: true,
    installedAt: '2022-01-01T00:00:00.000Z',
    updatedAt: '2022-01-01T00:00:00.000Z',
  };
}
