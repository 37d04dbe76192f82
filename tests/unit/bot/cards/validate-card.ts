/**
 * Checks a card with the `adaptivecards` parser (the renderer Teams' web client is built on):
 * version 1.5, no parse or validation events (unknown elements or actions, bad enum values,
 * missing required properties), and the size of the message Teams would receive.
 * Needs a DOM: use it from tests with `@jest-environment jsdom`.
 */
import type * as AdaptiveCards from 'adaptivecards';

// The package's `main` is an ES module jest cannot load as CommonJS; its UMD bundle is the same code.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Teams rejects messages above ~28 KB; the card is most of one. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/**
 * Teams' own part of a card (`msteams`, which the Adaptive Cards parser does not know): each mention
 * entity is `{ type: 'mention', text: '<at>Name</at>', mentioned: { id, name } }` and its text is in
 * the card's body, where Teams looks for it.
 */
function teamsProblems(msteams: unknown, body: string): string[] {
  const entities = (msteams as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) return ['msteams without entities'];
  return entities.flatMap((entity: { type?: unknown; text?: unknown; mentioned?: { id?: unknown; name?: unknown } }) => {
    const text = typeof entity.text === 'string' ? entity.text : '';
    const problems: string[] = [];
    if (entity.type !== 'mention') problems.push(`msteams entity of type ${String(entity.type)}`);
    if (!/^<at>[^<>]+<\/at>$/.test(text)) problems.push(`mention text ${JSON.stringify(entity.text)} is not <at>Name</at>`);
    if (typeof entity.mentioned?.id !== 'string' || entity.mentioned.id === '' || typeof entity.mentioned.name !== 'string')
      problems.push(`mention ${text} without mentioned.id and name`);
    if (!body.includes(JSON.stringify(text).slice(1, -1))) problems.push(`mention ${text} is not in the card's text`);
    return problems;
  });
}

export function cardProblems(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { msteams, ...card } = input;
  if (msteams !== undefined) problems.push(...teamsProblems(msteams, JSON.stringify(card.body)));
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, not 1.5`);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  // A property the parser does not know is dropped when it serializes the card back.
  const roundTrip = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as Record<string, unknown>;
  for (const path of keyPaths(card)) {
    if (!keyPaths(roundTrip).has(path)) problems.push(`property not understood by the parser: ${path}`);
  }
  // Unbound template expressions would show as raw "${…}" text.
  const text = JSON.stringify(card);
  const unbound = /(?<!\\)\$\{[a-zA-Z$][^}]*\}/.exec(text);
  if (unbound) problems.push(`unbound template expression ${unbound[0]}`);
  const size = Buffer.byteLength(
    JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: input }] }),
  );
  if (size > TEAMS_MESSAGE_LIMIT_BYTES) problems.push(`message is ${size} bytes, above ${TEAMS_MESSAGE_LIMIT_BYTES}`);
  return problems;
}

/** Every property path of a JSON value, array indexes included ("body.0.items.1.text"). */
function keyPaths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item, index) => keyPaths(item, `${prefix}${index}.`, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(`${prefix}${key}`);
      keyPaths(child, `${prefix}${key}.`, into);
    }
  }
  return into;
}
