/**
 * @mentions of the responsible person in the cards. Teams turns `<at>Name</at>` in a TextBlock or
 * a fact into a mention when the card's `msteams.entities` holds an entity with exactly that text
 * and the person's id (their UPN, which Teams accepts besides its own ids). The name comes from
 * SharePoint, so it is reduced to letters, digits, spaces and `.'-` before it goes inside the tags:
 * it must read the same in the text and in the entity, and carry no markdown.
 */
import type { PersonRef } from '../../src/domain/actions';
import { cleanText } from '../../src/report/text';
import type { AdaptiveCard, CardContext } from '../contracts';
import { safe } from './format';

/** One mention as the card's `msteams.entities` carries it. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** A name safe inside `<at>…</at>`: letters, marks, digits, spaces and `.'-`, at most 80 characters; '' when nothing is left. */
export function mentionName(name: string): string {
  return cleanText(name)
    .replace(/[^\p{L}\p{M}\p{N} .'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.'-]+/, '')
    .slice(0, 80)
    .trim();
}

/** Collects the mentions one card makes: each person once. */
export class CardMentions {
  private readonly entities: MentionEntity[] = [];

  constructor(private readonly context: CardContext) {}

  /**
   * The person as card text: `<at>Name</at>` when they can be mentioned, else the name escaped
   * for markdown (`unknown` when the list has the id but no name).
   */
  person(person: PersonRef, unknown: string, max = 60): string {
    const target = person.lookupId === null ? undefined : this.context.mentions?.get(person.lookupId);
    const name = mentionName(person.name || target?.name || '');
    if (target && name !== '') {
      const text = `<at>${name}</at>`;
      if (!this.entities.some((entity) => entity.text === text)) this.entities.push({ type: 'mention', text, mentioned: { id: target.id, name } });
      return text;
    }
    return person.name ? safe(person.name, max) : unknown;
  }

  /** `card` with its mentions in `msteams.entities` (unchanged when it mentions nobody). */
  attach(card: AdaptiveCard): AdaptiveCard {
    if (this.entities.length === 0) return card;
    return { ...card, msteams: { entities: [...this.entities] } };
  }
}
