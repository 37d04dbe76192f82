/**
 * What a card is given just before it is posted, looked up only then (never for a card the ledger
 * skips, never in previews): the people it can @mention, and the Word file the app saved in the
 * site's library for what it is about. A lookup that fails leaves the card without that part, with
 * one log line saying why; the post itself goes ahead.
 */
import { SourceError } from '../../src/errors';
import type { CardContext } from '../contracts';
import { errorText, type NotifierCore } from './deps';
import type { NotifyEvent } from './events';

/** The parts of a card's context the lookups fill in. */
export type CardLookups = Pick<CardContext, 'mentions' | 'savedDocument'>;

/** True when `event` has something to look up with what this notifier has. */
export function needsLookups(core: NotifierCore, event: NotifyEvent): boolean {
  const { people, documents } = core.deps;
  return (!!people && !!event.people && event.people.length > 0) || (!!documents && !!event.document);
}

/** The people a card can @mention; none when the directory fails (the card then names them only). */
async function mentionsFor(core: NotifierCore, people: readonly string[]): Promise<CardContext['mentions']> {
  try {
    return (await core.deps.people?.mentionable(people)) ?? new Map();
  } catch (error) {
    core.log.warn({ people, err: errorText(error) }, 'could not look up the people to mention; the card names them without a mention');
    return new Map();
  }
}

/** The saved file the card links, when the library has it; none when it has not, or cannot say. */
async function savedDocumentFor(core: NotifierCore, event: NotifyEvent): Promise<CardContext['savedDocument']> {
  const { documents } = core.deps;
  const place = event.document;
  if (!documents || !place) return undefined;
  try {
    return (await documents.find(place.folder, place.fileName)) ?? undefined;
  } catch (error) {
    core.log.warn(
      { key: event.key, folder: place.folder, file: place.fileName, status: error instanceof SourceError ? error.status : null, err: errorText(error) },
      `could not look up the saved file ${place.folder}/${place.fileName} in the document library; the card is posted without its link`,
    );
    return undefined;
  }
}

/** The lookups `event`'s card needs, one request each at most. */
export async function cardLookups(core: NotifierCore, event: NotifyEvent): Promise<CardLookups> {
  const [mentions, savedDocument] = await Promise.all([
    core.deps.people && event.people && event.people.length > 0 ? mentionsFor(core, event.people) : undefined,
    savedDocumentFor(core, event),
  ]);
  return { mentions, savedDocument };
}
