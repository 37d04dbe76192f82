/**
 * "Edit in SharePoint" for one item. In Teams the link opens outside the tab (in the browser),
 * since SharePoint's edit form cannot be shown inside it. In local mode the items live in a
 * file on this computer: say so instead of pretending there is a page to open.
 */
import { Link, Text } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useApp } from './app-context';

/** Only http(s) addresses become links; anything else from the list is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}

export function ExternalLink({ href, children, label }: { href: string; children: React.ReactNode; label?: string }) {
  const { host, strings } = useApp();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!host.inTeams) return;
    event.preventDefault();
    void host.openExternal(href);
  };
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={onClick}
      aria-label={label && host.inTeams ? `${label} ${strings.opensOutside}` : label}
    >
      {children}
      {host.inTeams ? <span className="visually-hidden"> {strings.opensOutside}</span> : null}
    </Link>
  );
}

/**
 * In local mode there is no page to open: the item's number in the file is shown where it is the
 * point (`always`, e.g. Datakvalitet) or when the reader asked for numbers; otherwise nothing.
 */
export function EditLink({ url, title, itemId, always }: { url: string; title: string; itemId: string; always?: boolean }) {
  const { strings, showItemIds } = useApp();
  if (!isWebUrl(url)) {
    if (always)
      return (
        <Text size={200} className="local-item">
          {strings.localItem(itemId)}
        </Text>
      );
    if (!showItemIds) return null;
    return <span className="local-item">{strings.localItemShort(itemId)}</span>;
  }
  return (
    <ExternalLink href={url} label={strings.editInSharePointFor(title || strings.untitled)}>
      {strings.editInSharePoint}
    </ExternalLink>
  );
}
