/** The card that says what the bot can do. */
import type { AdaptiveCard, CardContext } from '../contracts';
import { safe } from './format';
import { strings } from './strings';
import { expand, tabAction } from './expand';
import helpTemplate from './templates/help.json';

/** The help card: the commands and, in a team, where the reminders go. */
export function helpCard(input: { inTeam: boolean; channelName: string | null; unknownText: string | null }, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  return expand(helpTemplate, {
    t,
    intro: input.unknownText ? t.helpUnknown(safe(input.unknownText, 60)) : '',
    commands: t.helpCommands.map(([command, description]) => ({ command, description })),
    // Which channel gets the reminders is the team's matter: a personal chat has none to tell.
    channel: input.inTeam ? t.helpChannel(input.channelName ? safe(input.channelName, 80) : null) : '',
    urlActions: tabAction(t, context),
  });
}
