/**
 * What a member wrote to the bot, understood in Swedish or English. Pure: no SDK.
 */
import type { Language } from '../contracts';

export type Command =
  | { kind: 'meetings' }
  | { kind: 'agreements' }
  | { kind: 'help' }
  | { kind: 'post-here' }
  | { kind: 'language'; language: Language }
  | { kind: 'unknown'; text: string };

export interface ParsedCommand {
  command: Command;
  /** The language the member wrote in, when the words tell (used in personal chat). */
  spokenLanguage: Language | null;
}

const WORDS: Array<{ phrases: string[]; command: Command; language: Language }> = [
  { phrases: ['möten', 'möte', 'mötena', 'kommande möten'], command: { kind: 'meetings' }, language: 'sv' },
  { phrases: ['meetings', 'meeting', 'upcoming meetings'], command: { kind: 'meetings' }, language: 'en' },
  { phrases: ['avtal', 'avtalen', 'överenskommelser'], command: { kind: 'agreements' }, language: 'sv' },
  { phrases: ['agreements', 'agreement'], command: { kind: 'agreements' }, language: 'en' },
  { phrases: ['hjälp', 'hjälpa', 'vad kan du', 'kommandon'], command: { kind: 'help' }, language: 'sv' },
  { phrases: ['help', 'commands', '?'], command: { kind: 'help' }, language: 'en' },
  { phrases: ['posta här', 'påminn här', 'påminnelser här'], command: { kind: 'post-here' }, language: 'sv' },
  { phrases: ['post here', 'remind here', 'reminders here'], command: { kind: 'post-here' }, language: 'en' },
  { phrases: ['språk engelska', 'språk english', 'engelska', 'på engelska'], command: { kind: 'language', language: 'en' }, language: 'sv' },
  { phrases: ['språk svenska', 'svenska', 'på svenska'], command: { kind: 'language', language: 'sv' }, language: 'sv' },
  { phrases: ['language english', 'english', 'in english'], command: { kind: 'language', language: 'en' }, language: 'en' },
  { phrases: ['language swedish', 'swedish', 'in swedish', 'language svenska'], command: { kind: 'language', language: 'sv' }, language: 'en' },
];

/** Lower case, no mention markup, no punctuation around the words, single spaces. */
export function normalize(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .toLocaleLowerCase('sv-SE')
    .replace(/[.,!:;"'«»“”]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(text: string): ParsedCommand {
  const normalized = normalize(text);
  for (const word of WORDS) {
    if (word.phrases.includes(normalized)) return { command: word.command, spokenLanguage: word.language };
  }
  return { command: normalized === '' ? { kind: 'help' } : { kind: 'unknown', text: normalized }, spokenLanguage: null };
}
