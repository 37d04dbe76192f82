/**
 * One ärende as a list item: its title, kind and status as words, who prepared it, the decision
 * or notes and its documents. Everything from the list is text in <bdi>; only an http(s)
 * document link becomes a link. Plain classes from styles.css, so it reads the same wherever it is.
 */
import type { ReactNode } from 'react';
import type { Errand } from '../../../../src/domain/errands';
import { useApp } from './app-context';
import { ExternalLink, isWebUrl } from './edit-link';

/**
 * `context` is shown first on the line (the meeting in an entry's history, or the date in the
 * year); `children` after the facts (the actions the ärende gave).
 */
export function ErrandItem({ errand, context, children }: { errand: Errand; context?: ReactNode; children?: ReactNode }) {
  const { strings } = useApp();
  const words = strings.errands;
  const title = errand.title || strings.untitled;
  return (
    <li className="errand" data-errand-key={errand.key}>
      <div className="errand-line">
        {context ? <span className="errand-context">{context}</span> : null}
        <bdi className="errand-title">{title}</bdi>
        {errand.kind ? (
          <span className="errand-tag" data-kind={errand.kind}>
            <span className="visually-hidden">{words.kindLabel}: </span>
            {words.kind[errand.kind]}
          </span>
        ) : null}
        {errand.status ? (
          <span className="errand-tag" data-status={errand.status}>
            <span className="visually-hidden">{words.statusLabel}: </span>
            {words.status[errand.status]}
          </span>
        ) : null}
      </div>
      {errand.preparingGroup || errand.decision.trim() || errand.documentLink ? (
        <dl className="bl-facts">
          {errand.preparingGroup ? (
            <div className="bl-fact">
              <dt className="bl-term">{words.preparedBy}:</dt>
              <dd className="bl-value">
                <bdi>{errand.preparingGroup}</bdi>
              </dd>
            </div>
          ) : null}
          {errand.decision.trim() ? (
            <div className="bl-fact bl-notes">
              <dt className="bl-term">{words.decision}:</dt>
              <dd className="bl-value">
                <bdi>{errand.decision}</bdi>
              </dd>
            </div>
          ) : null}
          {errand.documentLink ? (
            <div className="bl-fact">
              <dt className="bl-term">{words.documents}:</dt>
              <dd className="bl-value">
                {isWebUrl(errand.documentLink) ? (
                  <ExternalLink href={errand.documentLink} label={words.documentsFor(title)}>
                    {words.documents}
                  </ExternalLink>
                ) : (
                  <bdi>{errand.documentLink}</bdi>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {children}
    </li>
  );
}
