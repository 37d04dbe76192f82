/** The card the bot greets a team with, where a member chooses the reminder channel. */
import type { AdaptiveCard, CardContext } from '../contracts';
import { ACTION_DATA_VERSION, VERBS } from './actions';
import { safe } from './format';
import { strings } from './strings';
import type { CardNotice, ChannelChoice } from './card-types';
import { expand, tabAction } from './expand';
import welcomeTemplate from './templates/welcome.json';

/** The welcome card: the channel choice, and what is chosen (a good notice confirms it in place of the status line). */
export function welcomeCard(
  input: { channels: ChannelChoice[]; chosen: ChannelChoice | null; chosenBy: string | null; notice?: CardNotice },
  context: CardContext,
): AdaptiveCard {
  const t = strings(context.language);
  const channels = input.channels.map((channel) => ({ id: channel.id, name: channel.name }));
  const by = input.chosenBy ? safe(input.chosenBy, 80) : null;
  // A good notice on a card with a chosen channel confirms that choice. It takes the place of the
  // status line, which would say the same thing again in a second green box.
  const confirmation = input.chosen && input.notice?.style === 'good' ? input.notice : null;
  const status = confirmation
    ? [confirmation.text, by ? t.welcomeChosenBy(by) : ''].filter(Boolean).join(' ')
    : input.chosen
      ? t.welcomeChosen(safe(input.chosen.name, 80), by)
      : t.welcomeNoChannel;
  return expand(welcomeTemplate, {
    t,
    notice: confirmation ? null : (input.notice ?? null),
    statusStyle: input.chosen ? 'good' : 'warning',
    status,
    channels,
    selected: input.chosen?.id ?? '',
    executeActions: channels.length > 0 ? [{ title: t.chooseChannel, verb: VERBS.chooseChannel, data: { v: ACTION_DATA_VERSION, card: 'welcome' } }] : [],
    urlActions: tabAction(t, context),
  });
}
