/**
 * Who the people of person columns are, read from the site's hidden user list ("User Information
 * List", `_catalogs/users`), whose item ids are the `<Column>LookupId` values the lists carry:
 *
 * 1. the list's id, once: `GET /sites/{site}/lists?$select=id,name,displayName,system` (system
 *    lists are listed only when `system` is selected; the user list's `name` is `users` whatever
 *    the site's language calls it);
 * 2. the people not cached, in one request (`$batch` for several):
 *    `GET /sites/{site}/lists/{id}/items/{lookupId}?$expand=fields($select=Title,Name,EMail,UserName,ContentType)`.
 *
 * The mention id is the user's UPN: from the login name's claim (`i:0#.f|membership|<upn>`), else
 * `UserName`, else `EMail`. Each answer is cached per lookup id (a day for a person found or
 * gone, a quarter of an hour after a failure), so a post costs Graph requests only for people not
 * seen that day, and a list refresh none at all. Reading the user list needs the same read access
 * to the site as the lists (`Sites.Selected` with `read`); anything that fails leaves the person
 * unmentioned, with one English log line saying why.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import type { SourceError } from '../errors';
import type { Logger } from '../logger';
import type { MentionTarget, PeopleDirectory } from '../ports/people-directory';
import { batchGetSettled } from './graph-batch';
import { toSourceError } from './graph-errors';
import { resolveSiteId } from './provision-site';

/** How long a person found (or found gone) is trusted. */
export const PERSON_TTL_MS = 24 * 60 * 60 * 1000;
/** How long after a failure (no access, Graph unavailable) a person is not asked for again. */
export const FAILURE_TTL_MS = 15 * 60 * 1000;

/** The user list's `name` (its address, `_catalogs/users`), the same in every language. */
const USER_LIST_NAME = 'users';
const USER_FIELDS = 'Title,Name,EMail,UserName,ContentType';
/** The login-name claim of a person in Microsoft 365: `i:0#.f|membership|anna.berg@contoso.se`. */
const MEMBERSHIP_CLAIM = /^i:0#\.f\|membership\|(.+)$/i;
const LOOKUP_ID = /^\d{1,10}$/;

interface UserFields {
  Title?: unknown;
  Name?: unknown;
  EMail?: unknown;
  UserName?: unknown;
  ContentType?: unknown;
}

type Cached = { target: MentionTarget | null; until: number };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const looksLikeAddress = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The mention for one user-list item, or why there is none. */
export function mentionOf(fields: UserFields): { target: MentionTarget } | { reason: string } {
  const name = text(fields.Title);
  const contentType = text(fields.ContentType);
  if (contentType !== '' && contentType !== 'Person') return { reason: `it is a ${contentType}, not a person` };
  const claim = MEMBERSHIP_CLAIM.exec(text(fields.Name))?.[1]?.trim() ?? '';
  const id = [claim, text(fields.UserName), text(fields.EMail)].find(looksLikeAddress);
  if (id === undefined) return { reason: 'the user list gives no principal name or e-mail address for it' };
  return { target: { id, name: name || id } };
}

export class GraphPeopleDirectory implements PeopleDirectory {
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly cache = new Map<string, Cached>();
  private userList: { site: string; list: string } | null = null;
  private userListMissingUntil = 0;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointOptions,
    deps: { logger: Logger; now?: () => Date },
  ) {
    this.log = deps.logger.child({ module: 'people-directory' });
    this.now = () => (deps.now ?? (() => new Date()))().getTime();
  }

  async mentionable(lookupIds: readonly string[]): Promise<ReadonlyMap<string, MentionTarget>> {
    const now = this.now();
    const found = new Map<string, MentionTarget>();
    const wanted: string[] = [];
    for (const id of new Set(lookupIds)) {
      if (!LOOKUP_ID.test(id)) continue;
      const hit = this.cache.get(id);
      if (hit && hit.until > now) {
        if (hit.target) found.set(id, hit.target);
      } else wanted.push(id);
    }
    if (wanted.length === 0) return found;
    try {
      const list = await this.findUserList(now);
      if (list === null) {
        this.remember(wanted, null, now + FAILURE_TTL_MS);
        return found;
      }
      const answers = await batchGetSettled(
        this.client,
        wanted.map((id) => ({
          path: `/sites/${list.site}/lists/${list.list}/items/${id}?$expand=fields($select=${USER_FIELDS})`,
          context: { target: `person ${id} in the site's user list` },
        })),
      );
      for (const [index, answer] of answers.entries()) {
        const id = wanted[index] as string;
        if (answer.ok) this.settlePerson(id, (answer.body as { fields?: UserFields } | null)?.fields ?? {}, now, found);
        else this.settleFailure(id, answer.error, now);
      }
    } catch (error) {
      const failure = toSourceError(error, { target: "the site's user list" });
      this.log.warn(
        { lookupIds: wanted, status: failure.status, err: failure.message },
        'cannot read the site user list: the cards name these people without a mention',
      );
      this.remember(wanted, null, now + FAILURE_TTL_MS);
    }
    return found;
  }

  private settlePerson(id: string, fields: UserFields, now: number, found: Map<string, MentionTarget>): void {
    const mention = mentionOf(fields);
    if ('target' in mention) {
      found.set(id, mention.target);
      this.remember([id], mention.target, now + PERSON_TTL_MS);
      return;
    }
    this.log.info({ lookupId: id }, `cannot mention person ${id} of the site user list: ${mention.reason}; the cards show the name only`);
    this.remember([id], null, now + PERSON_TTL_MS);
  }

  private settleFailure(id: string, error: SourceError, now: number): void {
    if (error.status === 404) {
      this.log.info({ lookupId: id }, `cannot mention person ${id}: no longer in the site user list (removed from the site); the cards show the name only`);
      this.remember([id], null, now + PERSON_TTL_MS);
      return;
    }
    this.log.warn(
      { lookupId: id, status: error.status, err: error.message },
      `cannot mention person ${id}: the site user list could not be read; the cards show the name only`,
    );
    this.remember([id], null, now + FAILURE_TTL_MS);
  }

  private remember(ids: readonly string[], target: MentionTarget | null, until: number): void {
    for (const id of ids) this.cache.set(id, { target, until });
  }

  /** The site's and the user list's ids, looked up once; null (for a while) when the site shows no user list. */
  private async findUserList(now: number): Promise<{ site: string; list: string } | null> {
    if (this.userList) return this.userList;
    if (this.userListMissingUntil > now) return null;
    const site = await resolveSiteId(this.client, this.options);
    const list = await findUserList(this.client, site);
    if (list === null) {
      this.log.warn("the site's user list (_catalogs/users) is not among its lists: the cards name people without a mention");
      this.userListMissingUntil = now + FAILURE_TTL_MS;
      return null;
    }
    this.userList = { site, list };
    return this.userList;
  }
}

/** The id of the site's user list (the list named `users`, listed only with `system` selected); null when the site lists none. */
export async function findUserList(client: Client, site: string): Promise<string | null> {
  const answer = (await client.api(`/sites/${site}/lists`).select('id,name,displayName,system').get()) as {
    value?: Array<{ id?: string; name?: string }>;
  };
  const list = (answer.value ?? []).find((candidate) => candidate.name?.toLowerCase() === USER_LIST_NAME && typeof candidate.id === 'string');
  return list?.id ?? null;
}

// The adapter must keep fitting the port.
const _fits: PeopleDirectory = null as unknown as GraphPeopleDirectory;
void _fits;
