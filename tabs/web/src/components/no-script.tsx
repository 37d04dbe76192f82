/**
 * What a reader without script needs on the server-drawn page, inside `<noscript>` so that React
 * leaves it alone in the browser: plain links to the views (the Fluent UI tabs need the
 * script, so they are hidden then) and a submit button for the search form and the year picker.
 */
import { formatUrlState, parseUrlState, VIEWS, type UrlState } from '../model/url-state';
import { useApp } from './app-context';

export function NoScriptViews({ state, search }: { state: UrlState; search: string }) {
  const { strings } = useApp();
  return (
    <noscript>
      <style>{'.tab-nav [role="tablist"] { display: none; }'}</style>
      <ul className="noscript-views">
        {VIEWS.map((id) => (
          <li key={id}>
            <a
              className="noscript-view"
              href={formatUrlState({ ...parseUrlState(''), view: id, ids: state.ids }, search) || '?'}
              aria-current={id === state.view ? 'page' : undefined}
            >
              {strings.views[id]}
            </a>
          </li>
        ))}
      </ul>
    </noscript>
  );
}

/** The form is sent as a GET to the same address; the view and item numbers ride along. */
export function NoScriptSubmit({ state }: { state: UrlState }) {
  const { strings } = useApp();
  return (
    <noscript>
      {state.view === 'balanslista' ? null : <input type="hidden" name="view" value={state.view} />}
      {state.ids ? <input type="hidden" name="ids" value="1" /> : null}
      <button type="submit" className="noscript-submit">
        {strings.applyFilters}
      </button>
    </noscript>
  );
}
