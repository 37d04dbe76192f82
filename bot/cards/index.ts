/** The bot's cards: templates, the renderer and the data their actions send back. */
export { TemplateCardRenderer, type BotCards } from './renderer';
export type { CardNotice, ChannelChoice, NoticeStyle } from './card-types';
export {
  VERBS,
  parseActionData,
  ACTION_DATA_VERSION,
  type ParsedAction,
  type ActionActionData,
  type ExpiryActionData,
  type MeetingActionData,
  type WelcomeActionData,
} from './actions';
export { escapeMarkdown, isHttpsUrl, isOpenableUrl } from './markdown';
export { revisionLabel, strings, weekdayName, type Strings } from './strings';
export { dateWithWeekday } from './format';
export { meetingAgenda } from './agenda';
export { addErrandUrl, tabViewUrl } from './links';
export { actionStrings, type ActionStrings } from './action-strings';
