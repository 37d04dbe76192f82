/**
 * The first view as plain HTML, made on the server so the page is readable before (and without)
 * the script: the header, the view tabs as links, and for Balanslista the search form (a GET form
 * that works without script) and every group and entry, with the same classes and sizes the React
 * app uses, so that React can replace it without the page moving. Everything from the list is
 * escaped here; nothing is executable. Only used in local mode, where the list needs no sign-in:
 * in SharePoint mode the page request carries no token, so no data may go into the page.
 */
import type { Entry } from '../../src/domain/types';
import type { BalanceListView } from '../../src/view-model';
import { daysBetween, formatClock, formatInstant } from '../web/src/format';
import { languageOf, stringsFor, type Strings } from '../web/src/i18n/strings';
import { countMatches, filterTree, groupsIn, type FilteredNode } from '../web/src/model/filter';
import { sectionDomId, sectionHeading } from '../web/src/model/section-heading';
import { buildTree } from '../web/src/model/tree';
import { ENTRY_STATUSES, formatUrlState, parseUrlState, VIEWS, type UrlState } from '../web/src/model/url-state';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** JSON for a `<script type="application/json">` block: `<` never appears, so `</script>` cannot end it. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface FirstViewInput {
  view: BalanceListView | null;
  /** The page address's query (`?view=…&q=…`), as the browser sent it. */
  search: string;
  /** The browser's preferred language (first of Accept-Language), used when `?lang=` is absent. */
  acceptLanguage: string | undefined;
  now: Date;
}

const THEMES = ['light', 'dark', 'contrast'];

function entryFacts(entry: Entry, today: string, strings: Strings): string {
  const facts: string[] = [];
  if (entry.preparingGroups.length > 0) {
    facts.push(`<div class="bl-fact"><dt class="bl-term">${escapeHtml(strings.preparingGroups)}:</dt><dd class="bl-value">${escapeHtml(entry.preparingGroups.join(', '))}</dd></div>`);
  }
  if (entry.nextFollowUp) {
    const date = escapeHtml(entry.nextFollowUp);
    facts.push(
      `<div class="bl-fact"><dt class="bl-term">${escapeHtml(strings.nextFollowUp)}:</dt><dd class="bl-value"><time datetime="${date}">${date}</time> (${escapeHtml(strings.relativeDays(daysBetween(today, entry.nextFollowUp)))})</dd></div>`,
    );
  }
  if (entry.notes.trim()) {
    facts.push(`<div class="bl-fact bl-notes"><dt class="bl-term">${escapeHtml(strings.notes)}:</dt><dd class="bl-value">${escapeHtml(entry.notes)}</dd></div>`);
  }
  return facts.length > 0 ? `<dl class="bl-facts">${facts.join('')}</dl>` : '';
}

function entryLine(entry: Entry, strings: Strings, options: { context: boolean; showTitle: boolean; ids: boolean }): string {
  const title = options.showTitle ? `<span class="bl-title${options.context ? ' bl-muted' : ''}">${escapeHtml(entry.title || strings.untitled)}</span>` : '';
  const status = entry.status ? `<span class="status-badge" data-status="${entry.status}">${escapeHtml(strings.entryStatus[entry.status])}</span>` : '';
  const id = options.ids ? `<span class="bl-edit"><span class="local-item">${escapeHtml(strings.localItemShort(entry.id))}</span></span>` : '';
  if (!title && !status && !id) return '';
  return `<div class="bl-row">${title}${status}${id}</div>`;
}

function entryTree(nodes: FilteredNode[], today: string, strings: Strings, ids: boolean, nested: boolean): string {
  const items = nodes
    .map(
      (node) =>
        `<li class="bl-item" data-entry-key="${escapeHtml(node.entry.key)}">${entryLine(node.entry, strings, { context: !node.matches, showTitle: true, ids })}${
          node.matches ? entryFacts(node.entry, today, strings) : ''
        }${node.children.length > 0 ? entryTree(node.children, today, strings, ids, true) : ''}</li>`,
    )
    .join('');
  return `<ul class="${nested ? 'bl-nested' : 'bl-list'}">${items}</ul>`;
}

function option(value: string, label: string, selected: string | null): string {
  return `<option value="${escapeHtml(value)}"${selected === value ? ' selected' : ''}>${escapeHtml(label)}</option>`;
}

function filterForm(view: BalanceListView, state: UrlState, strings: Strings, shown: number, search: string): string {
  const tree = buildTree(view.entries, view.sections);
  const areas = tree
    .map(
      (section) =>
        `<optgroup label="${escapeHtml(sectionHeading(section.section, view.sections, strings.sections, strings.untitled))}">${section.roots
          .map((root) => option(root.entry.key, root.entry.title || strings.untitled, state.area))
          .join('')}</optgroup>`,
    )
    .join('');
  // As in the app: a value from the address that the list does not offer is shown as chosen.
  const missing = (value: string | null, offered: string[]) => (value !== null && !offered.includes(value) ? option(value, value, value) : '');
  const statuses = [...ENTRY_STATUSES.map((status) => option(status, strings.entryStatus[status], state.status)), option('none', strings.noStatus, state.status)].join('');
  const offeredGroups = groupsIn(view.entries);
  const areaKeys = tree.flatMap((section) => section.roots.map((root) => root.entry.key));
  const groups = missing(state.group, offeredGroups) + offeredGroups.map((group) => option(group, group, state.group)).join('');
  const select = (name: string, label: string, all: string, options: string) =>
    `<div class="ssr-field ssr-select"><label for="ssr-${name}">${escapeHtml(label)}</label><span class="ssr-control"><select id="ssr-${name}" name="${name}" data-focus="${name}"><option value="">${escapeHtml(all)}</option>${options}</select></span></div>`;
  // Parameters that are not filters (language, theme, item numbers) survive a submit.
  const kept = [...new URLSearchParams(search).entries()]
    .filter(([name]) => ['lang', 'theme', 'ids', 'poll'].includes(name))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return (
    `<form role="search" class="ssr-filters" aria-label="${escapeHtml(strings.filtersLabel)}" method="get">${kept}` +
    `<div class="ssr-field ssr-search"><label for="ssr-q">${escapeHtml(strings.search)}</label><span class="ssr-control"><input id="ssr-q" type="search" name="q" data-focus="q" value="${escapeHtml(state.q)}" placeholder="${escapeHtml(strings.searchPlaceholder)}"></span></div>` +
    select('area', strings.area, strings.allAreas, missing(state.area, areaKeys) + areas) +
    select('status', strings.status, strings.allStatuses, statuses) +
    select('group', strings.group, strings.allGroups, groups) +
    `<button type="submit" class="ssr-button">${escapeHtml(strings.applyFilters)}</button>` +
    `<p class="ssr-count" role="status">${escapeHtml(strings.showing(shown, view.entries.length))}</p></form>`
  );
}

function balanceList(view: BalanceListView, state: UrlState, strings: Strings, search: string): string {
  const filtered = filterTree(buildTree(view.entries, view.sections), state, strings);
  const shown = filtered.reduce((sum, section) => sum + section.roots.reduce((inner, root) => inner + countMatches(root), 0), 0);
  const sections = filtered
    .map(
      (section) =>
        `<section class="bl-section" aria-labelledby="${sectionDomId(section.section)}"><h3 id="${sectionDomId(section.section)}" class="bl-section-heading">${escapeHtml(sectionHeading(section.section, view.sections, strings.sections, strings.untitled))}</h3>${section.roots
          .map(
            (root) =>
              `<div class="bl-group" data-group-key="${escapeHtml(root.entry.key)}"><h4 class="bl-group-heading"><span class="bl-toggle"><span aria-hidden="true" class="bl-chevron bl-chevron-open">›</span><span>${escapeHtml(
                root.entry.title || strings.untitled,
              )}</span><span class="bl-count">${escapeHtml(strings.matchesInGroup(countMatches(root)))}</span></span></h4><div class="bl-body">${entryLine(root.entry, strings, {
                context: !root.matches,
                showTitle: false,
                ids: state.ids,
              })}${root.matches ? entryFacts(root.entry, view.today, strings) : ''}${root.children.length > 0 ? entryTree(root.children, view.today, strings, state.ids, false) : ''}</div></div>`,
          )
          .join('')}</section>`,
    )
    .join('');
  return (
    filterForm(view, state, strings, shown, search) +
    // The expand/collapse buttons need the script; their row is kept so nothing moves when they come.
    `<div class="bl-toolbar" aria-hidden="true"></div>` +
    (filtered.length === 0 ? `<p class="bl-empty">${escapeHtml(strings.noMatches)}</p>` : '') +
    sections
  );
}

/** `file:///…/lists.json#balance` → `/…/lists.json`. */
function localPath(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

/** The HTML that goes inside `#root`. */
export function renderFirstView(input: FirstViewInput): string {
  const params = new URLSearchParams(input.search);
  const strings = stringsFor(languageOf(params.get('lang') ?? input.acceptLanguage));
  const state = parseUrlState(input.search);
  const theme = params.get('theme');
  const themeAttribute = theme && THEMES.includes(theme) ? ` data-theme="${theme}"` : '';
  const view = input.view;
  const tabs = VIEWS.map((id) => {
    const href = formatUrlState({ ...parseUrlState(''), view: id, ids: state.ids }, input.search) || '?';
    const count = id === 'datakvalitet' && view && view.problems.length > 0 ? ` (${view.problems.length})` : '';
    const current = id === state.view ? ' aria-current="page"' : '';
    const label = escapeHtml(strings.views[id] + count);
    return `<a class="ssr-tab" data-focus="tab-${id}" href="${escapeHtml(href)}"${current}><span data-text="${label}">${label}</span></a>`;
  }).join('');
  const here = escapeHtml(input.search || '?');
  const line = view
    ? `<div class="tab-line"><span>${escapeHtml(`${strings.lastRefreshed(formatInstant(view.refreshedAt))}, ${strings.checkedAt(formatClock(input.now))}`)}</span><span>${escapeHtml(
        view.source === 'local' ? strings.sourceLocal : strings.sourceSharePoint,
      )}</span><a class="ssr-button ssr-button-small" data-focus="refresh" href="${here}">${escapeHtml(strings.refreshNow)}</a></div>`
    : '';
  let content = `<p class="tab-loading">${escapeHtml(strings.loading)}</p>`;
  if (view) {
    const stale = view.stale
      ? `<div class="notice notice-warning"><p class="notice-text"><strong>${escapeHtml(strings.staleTitle)}</strong> ${escapeHtml(strings.staleBody(formatInstant(view.staleSince ?? view.refreshedAt)))}</p></div>`
      : '';
    const idsHref = escapeHtml(formatUrlState({ ...state, ids: !state.ids }, input.search) || '?');
    const local =
      view.source === 'local'
        ? `<div class="notice"><p class="notice-text">${escapeHtml(strings.localFileHint(localPath(view.lists.balance)))}</p><a class="notice-action" data-focus="ids" href="${idsHref}">${escapeHtml(
            state.ids ? strings.hideItemIds : strings.showItemIds,
          )}</a></div>`
        : '';
    content = stale + local + (state.view === 'balanslista' ? balanceList(view, state, strings, input.search) : `<p class="tab-loading">${escapeHtml(strings.loading)}</p>`);
  }
  return (
    `<div class="app-root ssr-root" data-ssr${themeAttribute} lang="${strings.language}"><div class="tab-page">` +
    `<a class="skip-link" data-focus="skip" href="#main">${escapeHtml(strings.skipToContent)}</a>` +
    `<header class="tab-header"><h1 class="tab-title">${escapeHtml(strings.appTitle)}</h1><p class="tab-subtitle">${escapeHtml(strings.appSubtitle)}</p>${line}</header>` +
    `<nav aria-label="${escapeHtml(strings.viewsLabel)}" class="tab-nav"><div class="ssr-tabs">${tabs}</div></nav>` +
    `<main id="main" tabindex="-1" class="tab-main"><div id="view-panel"><h2 class="tab-view-heading">${escapeHtml(strings.views[state.view])}</h2>${content}</div></main>` +
    `<footer class="tab-footer">${escapeHtml(strings.footer)}</footer></div></div>`
  );
}
