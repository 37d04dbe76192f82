/**
 * The channel tab's configuration page: the user picks the view the tab opens with, and Teams'
 * Save button stores it through `pages.config`.
 */
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { languageOf, stringsFor } from '../i18n/strings';
import { VIEWS, type ViewId } from '../model/url-state';
import type { Host } from '../teams/host';
import { AppContext } from './app-context';
import { Themed } from './themed';

const useStyles = makeStyles({
  page: { maxWidth: '40rem', margin: '0 auto', padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground1 },
  title: { fontSize: tokens.fontSizeBase500, margin: `0 0 ${tokens.spacingVerticalS} 0` },
});

export function ConfigPage({ host }: { host: Host }) {
  const styles = useStyles();
  const strings = stringsFor(languageOf(host.locale));
  const [view, setView] = useState<ViewId>('balanslista');
  const chosen = useRef(view);
  chosen.current = view;
  const context = useMemo(() => ({ strings, host }), [strings, host]);

  useEffect(() => {
    host.registerConfigSave(() => ({ view: chosen.current, displayName: strings.appTitle }));
  }, [host, strings]);

  return (
    <AppContext.Provider value={context}>
      <Themed host={host} language={strings.language}>
        <main className={styles.page}>
          <h1 className={styles.title}>{strings.configTitle}</h1>
          <p>{strings.configIntro}</p>
          <Field label={strings.defaultView}>
            <RadioGroup value={view} onChange={(_, data) => setView(data.value as ViewId)}>
              {VIEWS.map((id) => (
                <Radio key={id} value={id} label={strings.views[id]} />
              ))}
            </RadioGroup>
          </Field>
          <MessageBar intent="info">
            <MessageBarBody>{host.inTeams ? strings.configSaved : strings.configOutsideTeams}</MessageBarBody>
          </MessageBar>
        </main>
      </Themed>
    </AppContext.Provider>
  );
}
