/**
 * Who a person of a SharePoint person column is, as far as Teams needs to @mention them: the
 * lists give only the id in the site's user list (`ResponsibleLookupId`) and a display name.
 * Implemented over Graph in SharePoint mode; the local store has no tenant users, so no directory
 * there (cards then show the name without a mention).
 */

/** A person Teams can @mention: the id Teams accepts (the user's UPN) and the name the card shows. */
export interface MentionTarget {
  /** The user's principal name (UPN), which Teams accepts as a mention id besides its own ids. */
  id: string;
  name: string;
}

export interface PeopleDirectory {
  /**
   * The mentionable people among `lookupIds` (ids in the site's user list), by lookup id. A person
   * who cannot be mentioned (removed from the site, a group, no address, no access) is left out and
   * the reason logged; this never throws, so a card is always posted, with the name only.
   */
  mentionable(lookupIds: readonly string[]): Promise<ReadonlyMap<string, MentionTarget>>;
}
