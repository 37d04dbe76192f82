/**
 * Balanslista: the entries grouped by section and area in the document's order, with search,
 * filters (area, status, preparing group) in the address, and collapsible groups. The list uses
 * the plain classes of styles.css. The server draws it with the same component (tabs/web/src/ssr).
 */
import { Button } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { EntryFacts, EntryLine } from '../components/entry-details';
import { EntryHistory } from '../components/entry-history';
import { FilterBar, type FilterSelect } from '../components/filter-bar';
import { areaFacets, groupFacets, statusFacets } from '../model/facets';
import { countBelow, countMatches, filterTree, type FilteredNode } from '../model/filter';
import { sectionDomId, sectionHeading } from '../model/section-heading';
import { buildTree } from '../model/tree';
import type { UrlState } from '../model/url-state';

/** An entry's history (the ärenden that concerned it), drawn under its facts. */
type HistoryOf = (entryKey: string) => ReactNode;

function EntryTree({ nodes, today, history, nested }: { nodes: FilteredNode[]; today: string; history: HistoryOf; nested?: boolean }) {
  return (
    <ul className={nested ? 'bl-nested' : 'bl-list'}>
      {nodes.map((node) => (
        <li key={node.entry.id} className="bl-item" data-entry-key={node.entry.key}>
          <EntryLine entry={node.entry} context={!node.matches} />
          {node.matches ? <EntryFacts entry={node.entry} today={today} /> : null}
          {node.matches ? history(node.entry.key) : null}
          {node.children.length > 0 ? <EntryTree nodes={node.children} today={today} history={history} nested /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A top-level entry with entries shown under it: a heading that folds its group, with the number
 * of matching entries listed under it (the heading itself is not one of them).
 */
function Group({ root, today, history, open, onToggle }: { root: FilteredNode; today: string; history: HistoryOf; open: boolean; onToggle(): void }) {
  const { strings } = useApp();
  const bodyId = `group-${root.entry.id}`;
  return (
    <div className="bl-group" data-group-key={root.entry.key}>
      <h4 className="bl-group-heading">
        <button type="button" className="bl-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span aria-hidden="true" className={open ? 'bl-chevron bl-chevron-open' : 'bl-chevron'}>
            ›
          </span>
          <bdi>{root.entry.title || strings.untitled}</bdi>
          <span className="bl-count">{strings.matchesInGroup(countBelow(root))}</span>
        </button>
      </h4>
      <div id={bodyId} className="bl-body" hidden={!open}>
        <EntryLine entry={root.entry} context={!root.matches} showTitle={false} />
        {root.matches ? <EntryFacts entry={root.entry} today={today} /> : null}
        {root.matches ? history(root.entry.key) : null}
        <EntryTree nodes={root.children} today={today} history={history} />
      </div>
    </div>
  );
}

/** A top-level entry with nothing shown under it (e.g. the vision sentence): plain text, nothing to fold. */
function Standalone({ root, today, history }: { root: FilteredNode; today: string; history: HistoryOf }) {
  const { strings } = useApp();
  return (
    <div className="bl-standalone" data-entry-key={root.entry.key}>
      <p className={root.matches ? 'bl-standalone-title' : 'bl-standalone-title bl-muted'}>
        <bdi>{root.entry.title || strings.untitled}</bdi>
      </p>
      <EntryLine entry={root.entry} context={!root.matches} showTitle={false} />
      {root.matches ? <EntryFacts entry={root.entry} today={today} /> : null}
      {root.matches ? history(root.entry.key) : null}
    </div>
  );
}

interface Props {
  view: BalanceListView;
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
}

export function BalanceListPanel({ view, state, onChange }: Props) {
  const { strings } = useApp();
  const tree = useMemo(() => buildTree(view.entries, view.sections), [view.entries, view.sections]);
  const filtered = useMemo(() => filterTree(tree, state, strings), [tree, state, strings]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const history: HistoryOf = (entryKey) => (
    <EntryHistory entryKey={entryKey} errands={view.errands} meetings={view.meetings} actions={view.actions} today={view.today} />
  );

  const shown = filtered.reduce((sum, section) => sum + section.roots.reduce((inner, root) => inner + countMatches(root), 0), 0);
  const allRootKeys = tree.flatMap((section) => section.roots.map((root) => root.entry.key));

  const selects: FilterSelect[] = [
    {
      name: 'area',
      label: strings.area,
      allLabel: strings.allAreas,
      options: areaFacets(tree, strings.untitled).map((section) => ({
        group: sectionHeading(section.section, view.sections, strings.sections, strings.untitled),
        options: section.areas.map((area) => ({ value: area.value, label: area.label, count: area.count })),
      })),
    },
    {
      name: 'status',
      label: strings.status,
      allLabel: strings.allStatuses,
      options: statusFacets(view.entries).map(({ value, count }) => ({
        value,
        label: value === 'none' ? strings.noStatus : strings.entryStatus[value],
        count,
      })),
    },
    {
      name: 'group',
      label: strings.group,
      allLabel: strings.allGroups,
      options: groupFacets(view.entries).map(({ value, count }) => ({ value, label: value, count })),
    },
  ];

  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <>
      <FilterBar state={state} onChange={onChange} selects={selects} summary={strings.showing(shown, view.entries.length)} />
      <div className="bl-toolbar">
        <Button size="small" onClick={() => setCollapsed(new Set())}>
          {strings.expandAll}
        </Button>
        <Button size="small" onClick={() => setCollapsed(new Set(allRootKeys))}>
          {strings.collapseAll}
        </Button>
      </div>
      {filtered.length === 0 ? <p className="bl-empty">{strings.noMatches}</p> : null}
      {filtered.map((section) => (
        <section key={section.section} className="bl-section" aria-labelledby={sectionDomId(section.section)}>
          <h3 id={sectionDomId(section.section)} className="bl-section-heading">
            {sectionHeading(section.section, view.sections, strings.sections, strings.untitled)}
          </h3>
          {section.roots.map((root) =>
            root.children.length > 0 ? (
              <Group
                key={root.entry.id}
                root={root}
                today={view.today}
                history={history}
                open={!collapsed.has(root.entry.key)}
                onToggle={() => toggle(root.entry.key)}
              />
            ) : (
              <Standalone key={root.entry.id} root={root} today={view.today} history={history} />
            ),
          )}
        </section>
      ))}
    </>
  );
}
