/**
 * Extends the fake Graph (`startFakeGraph`) with the site-admin endpoints provisioning uses,
 * through its `route()` hook, with Graph's request and response shapes:
 *
 * - `POST /sites/{site}/lists` (displayName, description, `list.template`, `columns`) → 201 list;
 * - `GET /sites/{site}/lists/{list}/columns` → `{ value: columnDefinition[] }`, system columns included;
 * - `POST /sites/{site}/lists/{list}/columns` → 201 columnDefinition (400 on a duplicate name);
 * - `PATCH /sites/{site}/lists/{list}/columns/{column}` → 200 columnDefinition.
 *
 * The columns are the fake Graph's own (`columnDefinitions`), so what provisioning adds shows in
 * the lists' look-ups (`$expand=columns`) too.
 */
import { randomUUID } from 'node:crypto';
import type { FakeGraph, FakeReply, FakeRequest } from './fake-graph';
import { systemColumns, titleColumn, type ColumnJson } from './fake-graph/columns';
import { graphError } from './fake-graph/errors';

export type { ColumnJson } from './fake-graph/columns';

export interface FakeAdmin {
  /** The columns of a list (by id or display name), as GET …/columns returns them. */
  columns(list: string): ColumnJson[];
  /** Replaces one column's definition, e.g. to make its type differ from the schema. */
  setColumn(list: string, name: string, definition: Partial<ColumnJson> & Record<string, unknown>): void;
  /** While false, the admin endpoints answer 403 (the app has only "write" on the site). */
  setManage(allowed: boolean): void;
  /** Admin requests received: method and path below /v1.0. */
  readonly calls: Array<{ method: string; path: string; status: number }>;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const FACETS = ['text', 'choice', 'dateTime', 'number', 'boolean', 'hyperlinkOrPicture', 'personOrGroup', 'lookup', 'calculated', 'currency'];

/** Turns a request's columnDefinition into what Graph reports back (defaults filled in). */
function accepted(body: Record<string, unknown>): ColumnJson | string {
  if (typeof body.name !== 'string' || !body.name) return 'The column name is required.';
  const facets = FACETS.filter((name) => body[name] !== undefined);
  if (facets.length !== 1) return 'A column definition needs exactly one type facet.';
  if (body.enforceUniqueValues === true && body.indexed !== true) return 'Unique values need an indexed column.';
  const json: ColumnJson = {
    columnGroup: 'Custom Columns',
    description: typeof body.description === 'string' ? body.description : '',
    displayName: typeof body.displayName === 'string' ? body.displayName : body.name,
    enforceUniqueValues: body.enforceUniqueValues === true,
    hidden: false,
    id: randomUUID(),
    indexed: body.indexed === true,
    name: body.name,
    readOnly: false,
    required: body.required === true,
  };
  const facet = facets[0] as string;
  const value = body[facet] as Record<string, unknown>;
  if (facet === 'text') json.text = { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255, ...value };
  else if (facet === 'choice') json.choice = { allowTextEntry: false, displayAs: 'dropDownMenu', ...value };
  else if (facet === 'dateTime') json.dateTime = { displayAs: 'default', format: 'dateTime', ...value };
  else json[facet] = value;
  return json;
}

export function installAdminRoutes(graph: FakeGraph): FakeAdmin {
  const calls: FakeAdmin['calls'] = [];
  let manage = true;

  const siteOk = (request: FakeRequest) => {
    const site = decodeURIComponent(request.params.site ?? '').toLowerCase();
    return site === graph.siteId.toLowerCase() || site === new URL(graph.siteUrl).hostname;
  };
  const listId = (ref: string): string | null => {
    try {
      return graph.listInfo(ref).id;
    } catch {
      return null;
    }
  };
  /** The list's live column definitions (a list that reports none gets the system columns and Title). */
  const columnsOf = (id: string): ColumnJson[] => {
    let columns = graph.columnDefinitions(id);
    if (!columns) {
      columns = [...systemColumns(), titleColumn()];
      graph.setColumnDefinitions(id, columns);
    }
    return columns;
  };
  const logged = (method: string, handler: (request: FakeRequest) => FakeReply) => (request: FakeRequest) => {
    const reply = !manage
      ? graphError(403, 'accessDenied', 'Access denied')
      : !siteOk(request)
        ? graphError(404, 'itemNotFound', 'Requested site could not be found')
        : handler(request);
    calls.push({ method, path: request.path, status: reply.status });
    return reply;
  };
  const context = (suffix: string) => `${graph.baseUrl}/$metadata#${suffix}`;

  graph.route(
    'POST',
    '/sites/:site/lists',
    logged('POST', (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const displayName = body.displayName;
      if (typeof displayName !== 'string' || !displayName.trim()) return graphError(400, 'invalidRequest', 'The list displayName is required.');
      if (listId(displayName))
        return graphError(
          409,
          'nameAlreadyExists',
          `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`,
        );
      const template = (body.list as { template?: string } | undefined)?.template ?? 'genericList';
      if (template !== 'genericList') return graphError(400, 'invalidRequest', `Template ${template} is not supported by this fake.`);
      const columns: ColumnJson[] = [];
      for (const definition of (body.columns ?? []) as Array<Record<string, unknown>>) {
        const column = accepted(definition);
        if (typeof column === 'string') return graphError(400, 'invalidRequest', column);
        if (columns.some((existing) => existing.name === column.name))
          return graphError(400, 'invalidRequest', `A duplicate field name "${column.name}" was found.`);
        columns.push(column);
      }
      const format = (column: ColumnJson) => (column.dateTime as { format?: string } | undefined)?.format;
      const info = graph.addList({
        displayName,
        description: typeof body.description === 'string' ? body.description : '',
        dateOnlyColumns: columns.filter((column) => format(column) === 'dateOnly').map((column) => column.name),
        dateTimeColumns: columns.filter((column) => format(column) === 'dateTime').map((column) => column.name),
        personColumns: columns.filter((column) => column.personOrGroup !== undefined).map((column) => column.name),
      });
      graph.setColumnDefinitions(info.id, [...systemColumns(), titleColumn(), ...columns]);
      const at = now();
      return {
        status: 201,
        body: {
          '@odata.context': context(`sites('${graph.siteId}')/lists/$entity`),
          '@odata.etag': `"${info.id},0"`,
          createdDateTime: at,
          description: typeof body.description === 'string' ? body.description : '',
          eTag: `"${info.id},0"`,
          id: info.id,
          lastModifiedDateTime: at,
          name: info.webUrl.split('/').pop(),
          webUrl: info.webUrl,
          displayName: info.displayName,
          parentReference: { siteId: graph.siteId },
          list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
        },
      };
    }),
  );

  graph.route(
    'GET',
    '/sites/:site/lists/:list/columns',
    logged('GET', (request) => {
      const id = listId(decodeURIComponent(request.params.list ?? ''));
      if (!id) return graphError(404, 'itemNotFound', 'The specified list was not found');
      return { status: 200, body: { '@odata.context': context(`sites('${graph.siteId}')/lists('${id}')/columns`), value: columnsOf(id) } };
    }),
  );

  graph.route(
    'POST',
    '/sites/:site/lists/:list/columns',
    logged('POST', (request) => {
      const id = listId(decodeURIComponent(request.params.list ?? ''));
      if (!id) return graphError(404, 'itemNotFound', 'The specified list was not found');
      const column = accepted((request.body ?? {}) as Record<string, unknown>);
      if (typeof column === 'string') return graphError(400, 'invalidRequest', column);
      const columns = columnsOf(id);
      if (columns.some((existing) => existing.name === column.name))
        return graphError(400, 'invalidRequest', `A duplicate field name "${column.name}" was found.`);
      columns.push(column);
      graph.setColumnDefinitions(id, columns);
      return { status: 201, body: { '@odata.context': context(`sites('${graph.siteId}')/lists('${id}')/columns/$entity`), ...column } };
    }),
  );

  graph.route(
    'PATCH',
    '/sites/:site/lists/:list/columns/:column',
    logged('PATCH', (request) => {
      const id = listId(decodeURIComponent(request.params.list ?? ''));
      if (!id) return graphError(404, 'itemNotFound', 'The specified list was not found');
      const columns = columnsOf(id);
      const index = columns.findIndex((column) => column.id === request.params.column || column.name === request.params.column);
      const current = columns[index];
      if (!current) return graphError(404, 'itemNotFound', 'Column not found');
      const patch = (request.body ?? {}) as Record<string, unknown>;
      const changedFacet = FACETS.find((facet) => patch[facet] !== undefined && current[facet] === undefined);
      if (changedFacet) return graphError(400, 'invalidRequest', 'The column type cannot be changed.');
      const next: ColumnJson = { ...current, ...patch, id: current.id, name: current.name };
      if (next.enforceUniqueValues === true && next.indexed !== true) return graphError(400, 'invalidRequest', 'Unique values need an indexed column.');
      columns[index] = next;
      graph.setColumnDefinitions(id, columns);
      return { status: 200, body: { '@odata.context': context(`sites('${graph.siteId}')/lists('${id}')/columns/$entity`), ...next } };
    }),
  );

  return {
    columns: (list) => {
      const id = listId(list);
      if (!id) throw new Error(`No list ${list}`);
      return structuredClone(columnsOf(id));
    },
    setColumn: (list, name, definition) => {
      const id = listId(list);
      if (!id) throw new Error(`No list ${list}`);
      const columns = columnsOf(id);
      const index = columns.findIndex((column) => column.name === name);
      const replacement = { ...(columns[index] ?? { id: randomUUID(), name, displayName: name }), ...definition } as ColumnJson;
      for (const facet of FACETS)
        if (definition[facet] === undefined && facet in replacement && FACETS.some((f) => definition[f] !== undefined)) delete replacement[facet];
      if (index < 0) columns.push(replacement);
      else columns[index] = replacement;
      graph.setColumnDefinitions(id, columns);
    },
    setManage: (allowed) => {
      manage = allowed;
    },
    calls,
  };
}
