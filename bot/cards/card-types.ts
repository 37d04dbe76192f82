/** What the caller gives a card besides what is due: a notice on top, the team's channels. */

export type NoticeStyle = 'good' | 'attention' | 'warning' | 'accent' | 'emphasis';

/** A line on top of a card saying what just happened (markdown we write; values already escaped). */
export interface CardNotice {
  style: NoticeStyle;
  text: string;
}

export interface ChannelChoice {
  id: string;
  name: string;
}
