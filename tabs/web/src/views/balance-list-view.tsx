/**
 * Balanslista: the entries grouped by section and area in the document's order, with search,
 * filters (area, status, preparing group) in the address, and collapsible groups. The list uses
 * the plain classes of styles.css. The server draws it with the same component (tabs/web/src/ssr).
 */
import { Button } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { EntryFacts, EntryLine } from '../components/entry-details';
import { FilterBar, type FilterSelect } from '../components/filter-bar';
import { countMatches, filterTree, groupsIn, type FilteredNode } from '../model/filter';
import { buildTree } from '../model/tree';
import { ENTRY_STATUSES, type UrlState } from '../model/url-state';

function EntryTree({ nodes, today, nested }: { nodes: FilteredNode[]; today: string; nested?: boolean }) {
  return (
    <ul className={nested ? 'bl-nested' : 'bl-list'}>
      {nodes.map((node) => (
        <li key={node.entry.id} className="bl-item" data-entry-key={node.entry.key}>
          <EntryLine entry={node.entry} context={!node.matches} />
          {node.matches ? <EntryFacts entry={node.entry} today={today} /> : null}
          {node.children.length > 0 ? <EntryTree nodes={node.children} today={today} nested /> : null}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  view: BalanceListView;
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
}

export function BalanceListPanel({ view, state, onChange }: Props) {
  const { strings } = useApp();
  const tree = useMemo(() => buildTree(view.entries), [view.entries]);
  const filtered = useMemo(() => filterTree(tree, state, strings), [tree, state, strings]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const shown = filtered.reduce((sum, section) => sum + section.roots.reduce((inner, root) => inner + countMatches(root), 0), 0);
  const allRootKeys = tree.flatMap((section) => section.roots.map((root) => root.entry.key));

  const selects: FilterSelect[] = [
    {
      name: 'area',
      label: strings.area,
      allLabel: strings.allAreas,
      options: tree.map((section) => ({
        group: strings.sections[section.section],
        options: section.roots.map((root) => ({ value: root.entry.key, label: root.entry.title || strings.untitled })),
      })),
    },
    {
      name: 'status',
      label: strings.status,
      allLabel: strings.allStatuses,
      options: [...ENTRY_STATUSES.map((status) => ({ value: status, label: strings.entryStatus[status] })), { value: 'none', label: strings.noStatus }],
    },
    {
      name: 'group',
      label: strings.group,
      allLabel: strings.allGroups,
      options: groupsIn(view.entries).map((group) => ({ value: group, label: group })),
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
        <section key={section.section} className="bl-section" aria-labelledby={`section-${section.section}`}>
          <h3 id={`section-${section.section}`} className="bl-section-heading">
            {strings.sections[section.section]}
          </h3>
          {section.roots.map((root) => {
            const open = !collapsed.has(root.entry.key);
            const bodyId = `group-${root.entry.id}`;
            return (
              <div key={root.entry.id} className="bl-group" data-group-key={root.entry.key}>
                <h4 className="bl-group-heading">
                  <button type="button" className="bl-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => toggle(root.entry.key)}>
                    <span aria-hidden="true" className={open ? 'bl-chevron bl-chevron-open' : 'bl-chevron'}>
                      ›
                    </span>
                    <span>{root.entry.title || strings.untitled}</span>
                    <span className="bl-count">{strings.matchesInGroup(countMatches(root))}</span>
                  </button>
                </h4>
                <div id={bodyId} className="bl-body" hidden={!open}>
                  <EntryLine entry={root.entry} context={!root.matches} showTitle={false} />
                  {root.matches ? <EntryFacts entry={root.entry} today={view.today} /> : null}
                  {root.children.length > 0 ? <EntryTree nodes={root.children} today={view.today} /> : null}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
