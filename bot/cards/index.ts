/** The bot's cards: templates, the renderer and the data their actions send back. */
export { TemplateCardRenderer, type BotCards } from './renderer';
export type { CardNotice, ChannelChoice, NoticeStyle } from './card-types';
export { SNOOZE_DAYS, VERBS, parseActionData, type ParsedAction, type ActionActionData, type ExpiryActionData, type MeetingActionData } from './actions';
export { escapeMarkdown, isOpenableUrl } from './markdown';
export { revisionLabel, strings, weekdayName, type Strings } from './strings';
export { meetingAgenda } from './agenda';
export { tabViewUrl } from './links';
export { actionStrings, type ActionStrings } from './action-strings';
