/**
 * The "being checked" notice painted over a page kept from an earlier visit: in the language the
 * address asks for (`lang`), else in the kept page's own.
 */
import { languageOf, stringsFor } from './strings';

export interface CheckingNoticeText {
  title: string;
  body: string;
}

/** The notice for a page shown at `search`, given the kept page's language (null when unknown). */
export function checkingNotice(search: string): (kept: string | null) => CheckingNoticeText {
  const lang = new URLSearchParams(search).get('lang');
  return (kept) => {
    const strings = stringsFor(languageOf(lang ?? kept));
    return { title: strings.checkingTitle, body: strings.checkingBody };
  };
}
