/** Over the list this browser last saw (SharePoint mode) until the API has confirmed it for this user. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from './app-context';

const useStyles = makeStyles({
  banner: { marginBottom: tokens.spacingVerticalM },
});

export function CheckingNotice() {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <MessageBar intent="info" className={styles.banner} layout="multiline" data-testid="checking">
      <MessageBarBody>
        <MessageBarTitle>{strings.checkingTitle}</MessageBarTitle>
        {strings.checkingBody}
      </MessageBarBody>
    </MessageBar>
  );
}
