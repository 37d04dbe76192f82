/** A short message card: the result of an action, or why nothing was posted. */
import type { AdaptiveCard, CardContext } from '../contracts';
import { strings } from './strings';
import type { NoticeStyle } from './card-types';
import { expand, tabAction } from './expand';
import messageTemplate from './templates/message.json';

/** A titled message in a coloured box. */
export function messageCard(input: { title: string; text: string; style: NoticeStyle }, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  return expand(messageTemplate, { t, title: input.title, text: input.text, style: input.style, urlActions: tabAction(t, context) });
}
