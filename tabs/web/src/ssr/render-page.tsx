/**
 * The tab's page drawn on the server with the components the browser uses, so it is readable
 * before (and without) the script and React hydrates it instead of drawing it again. Built by
 * `vite build --ssr` into tabs/web/dist-ssr and loaded by tabs/api at run time. Every view is
 * drawn in full: `prerender` waits for the views that load on demand.
 */
import { createDOMRenderer, renderToStyleElements } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import type { BalanceListClient } from '../api/client';
import type { Location } from '../components/tab-app';
import { languageOf } from '../i18n/strings';
import { parseUrlState } from '../model/url-state';
import { browserHost, browserTheme } from '../teams/host';
import { Page } from './page';
import type { PageData, PageRendererModule, PageRequest, RenderedPage } from './page-data';

/** The address as it was asked for; nothing navigates on the server. */
function fixedLocation(search: string): Location {
  return { search, push: () => undefined, replace: () => undefined, listen: () => () => undefined };
}

// Effects never run on the server, so nothing asks for the list here.
const noClient: BalanceListClient = {
  load: () => Promise.reject(new Error('The server render does not load the list')),
};

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const renderPage: PageRendererModule['renderPage'] = async (request: PageRequest): Promise<RenderedPage> => {
  const params = new URLSearchParams(request.search);
  // Uppföljning reads its year from the API in the browser; here the year of the address (else
  // the current one, as the view chooses it) is drawn from the same data, and travels with the page.
  const state = parseUrlState(request.search);
  const followUp = state.view === 'uppfoljning' && request.followUp ? request.followUp(state.year ?? Number(request.view.today.slice(0, 4))) : null;
  const data: PageData = {
    etag: request.etag,
    view: request.view,
    checkedAt: request.now.toISOString(),
    locale: params.get('lang') ?? request.acceptLanguage ?? 'sv-SE',
    theme: request.theme ?? browserTheme(request.search),
    ...(followUp ? { followUp } : {}),
  };
  // The views that load on demand (React.lazy) suspend the first time they are drawn, and React
  // then sends them as hidden parts revealed by an inline script, which the CSP forbids and which
  // never runs without script. Once loaded they draw at once, so such a page is drawn again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const renderer = createDOMRenderer();
    const { prelude } = await prerenderToNodeStream(
      <Page
        renderer={renderer}
        host={browserHost({ locale: data.locale, theme: data.theme })}
        client={noClient}
        location={fixedLocation(request.search)}
        initialView={request.view}
        initialCheckedAt={request.now}
        initialFollowUp={followUp}
      />,
      // A large view would otherwise be sent as a hidden part that a script reveals.
      { progressiveChunkSize: Number.POSITIVE_INFINITY },
    );
    const html = await text(prelude);
    if (html.includes('<script')) continue;
    const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
    return { html, styles, language: languageOf(data.locale), data };
  }
  throw new Error(`The page for "${request.search}" still needed script after three renders`);
};
