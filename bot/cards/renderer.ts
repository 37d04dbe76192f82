/**
 * The bot's cards, one file per card (each a JSON template in `templates/` expanded over data
 * prepared there, already localized and escaped); this class is the one object the notifier and
 * the handler are given.
 */
import type { AdaptiveCard, CardContext, DigestAction, DueAction, FollowUpReady, MeetingAgenda, MeetingOutcome, CardRenderer } from '../contracts';
import { actionReminderCard } from './action-reminder';
import type { Errand } from '../../src/domain/errands';
import type { Due, DueExpiry, DueMeeting, Meeting } from '../../src/domain/types';
import type { AgreementView } from '../../src/view-model';
import { agreementsListCard } from './agreements-list';
import type { CardNotice, ChannelChoice, NoticeStyle } from './card-types';
import { expiryNoticeCard } from './expiry-notice';
import { followUpReadyCard } from './follow-up-ready';
import { helpCard } from './help';
import { meetingOutcomeCard } from './meeting-outcome';
import { meetingReminderCard } from './meeting-reminder';
import { meetingsListCard } from './meetings-list';
import { messageCard } from './message';
import { weeklyDigestCard } from './weekly-digest';
import { welcomeCard } from './welcome';

/** Everything the bot renders: the notifier's cards plus the conversational ones. */
export interface BotCards extends CardRenderer {
  meetingReminder(due: DueMeeting, context: CardContext, extras?: { notice?: CardNotice; agenda?: MeetingAgenda }): AdaptiveCard;
  expiryNotice(due: DueExpiry, context: CardContext, extras?: { notice?: CardNotice }): AdaptiveCard;
  welcome(input: { channels: ChannelChoice[]; chosen: ChannelChoice | null; chosenBy: string | null; notice?: CardNotice }, context: CardContext): AdaptiveCard;
  help(input: { inTeam: boolean; channelName: string | null; unknownText: string | null }, context: CardContext): AdaptiveCard;
  /** With `errands`, each meeting tells how many ärenden are registered for it. */
  meetingsList(input: { meetings: Meeting[]; stale: boolean; errands?: readonly Errand[] }, context: CardContext): AdaptiveCard;
  agreementsList(input: { agreements: AgreementView[]; stale: boolean }, context: CardContext): AdaptiveCard;
  message(input: { title: string; text: string; style: NoticeStyle }, context: CardContext): AdaptiveCard;
}

/** The renderer over the JSON templates. */
export class TemplateCardRenderer implements BotCards {
  meetingReminder(due: DueMeeting, context: CardContext, extras: { notice?: CardNotice; agenda?: MeetingAgenda } = {}): AdaptiveCard {
    return meetingReminderCard(due, context, extras);
  }

  expiryNotice(due: DueExpiry, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
    return expiryNoticeCard(due, context, extras);
  }

  weeklyDigest(due: Due, context: CardContext, actions: readonly DigestAction[] = []): AdaptiveCard {
    return weeklyDigestCard(due, context, actions);
  }

  welcome(
    input: { channels: ChannelChoice[]; chosen: ChannelChoice | null; chosenBy: string | null; notice?: CardNotice },
    context: CardContext,
  ): AdaptiveCard {
    return welcomeCard(input, context);
  }

  help(input: { inTeam: boolean; channelName: string | null; unknownText: string | null }, context: CardContext): AdaptiveCard {
    return helpCard(input, context);
  }

  meetingsList(input: { meetings: Meeting[]; stale: boolean; errands?: readonly Errand[] }, context: CardContext): AdaptiveCard {
    return meetingsListCard(input, context);
  }

  agreementsList(input: { agreements: AgreementView[]; stale: boolean }, context: CardContext): AdaptiveCard {
    return agreementsListCard(input, context);
  }

  followUpReady(ready: FollowUpReady, context: CardContext): AdaptiveCard {
    return followUpReadyCard(ready, context);
  }

  actionReminder(due: DueAction, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
    return actionReminderCard(due, context, extras);
  }

  meetingOutcome(outcome: MeetingOutcome, context: CardContext): AdaptiveCard {
    return meetingOutcomeCard(outcome, context);
  }

  message(input: { title: string; text: string; style: NoticeStyle }, context: CardContext): AdaptiveCard {
    return messageCard(input, context);
  }
}
