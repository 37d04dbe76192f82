/**
 * What every component may need: the language's strings, the host (Teams or a browser) and
 * the data's source, so that edit links can tell SharePoint from the local file.
 */
import { createContext, useContext } from 'react';
import { sv, type Strings } from '../i18n/strings';
import { browserHost, type Host } from '../teams/host';

export interface AppContextValue {
  strings: Strings;
  host: Host;
  /** Local mode: show each entry's item number in the file (off unless asked for). */
  showItemIds?: boolean;
}

export const AppContext = createContext<AppContextValue>({ strings: sv, host: browserHost({ locale: 'sv-SE', theme: 'light' }) });

export function useApp(): AppContextValue {
  return useContext(AppContext);
}
