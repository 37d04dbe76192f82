/**
 * The Bot Connector's meeting info API (`GET {serviceUrl}/v1/meetings/{meetingId}`, Microsoft's
 * "Get meeting details" for bots) through the Teams SDK's API client for the stored service URL
 * (`api.clone({ serviceUrl }).meetings.getById`), with the bot's own token and the same bounded
 * retry as every connector call. The connector answers only for a meeting whose chat or team has
 * the app installed with the resource-specific permission `OnlineMeeting.ReadBasic.Chat` (private
 * meetings) or `ChannelMeeting.ReadBasic.Group` (channel meetings); otherwise 403.
 */
import type { MeetingInfo } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { MeetingInfoAnswer, MeetingInfoReader } from '../contracts';
import { classifyDeliveryError } from './delivery-errors';
import { isLoopbackServiceUrl } from './service-url';

function text(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The answer's fields the app uses, read defensively: the connector's JSON, whatever the SDK's types promise. */
function infoOf(answer: MeetingInfo): Extract<MeetingInfoAnswer, { ok: true }>['info'] {
  const details = (answer.details ?? {}) as Record<string, unknown>;
  const organizer = (answer.organizer ?? {}) as Record<string, unknown>;
  const conversation = (answer.conversation ?? {}) as Record<string, unknown>;
  return {
    scheduledStart: text(details.scheduledStartTime),
    joinUrl: text(details.joinUrl),
    title: text(details.title),
    type: text(details.type),
    organizerTenantId: text(organizer.tenantId),
    conversationId: text(conversation.id),
  };
}

export class TeamsMeetingInfoReader implements MeetingInfoReader {
  constructor(
    private readonly app: App,
    /** The bot's app id; '' when anonymous (local mode). */
    private readonly appId: string,
  ) {}

  async read(serviceUrl: string, meetingId: string): Promise<MeetingInfoAnswer> {
    // As for posts: without an app id the bot only talks to a service on this machine.
    if (this.appId === '' && !isLoopbackServiceUrl(serviceUrl)) {
      return {
        ok: false,
        status: 0,
        code: 'BotNotConfigured',
        message: 'Without MicrosoftAppId the bot only calls a service URL on this machine',
        retryable: false,
      };
    }
    try {
      const api = this.app.api.clone({ serviceUrl: serviceUrl.replace(/\/+$/, '') });
      // The SDK puts the id into the path as it is; a base64 id may hold "/" and "+".
      return { ok: true, info: infoOf(await api.meetings.getById(encodeURIComponent(meetingId))) };
    } catch (error) {
      const failure = classifyDeliveryError(error);
      const code = (error as { response?: { data?: { error?: { code?: unknown } } } })?.response?.data?.error?.code;
      return {
        ok: false,
        status: failure.status,
        code: typeof code === 'string' ? code : '',
        message: failure.message,
        retryable: failure.kind === 'retryable' || failure.status >= 500,
      };
    }
  }
}
