// LocalDynamo's tables: key schema, indexes, TTL and item count; items a page at a time (Scan with
// ExclusiveStartKey), a query by partition key, one item as DynamoDB JSON and as plain JSON, and delete.

import { api, segment } from '../api.js';
import { badge, facts, failure, h, pre, replace, select, table } from '../dom.js';
import { cellText, keyOf, plainItem } from '../dynamo-json.js';

export async function tablesView(container, route) {
  if (route.path[0]) return detail(container, route.path[0], route.query);
  const { tables } = await api.get('tables');
  replace(container,
    h('h2', { text: 'Tables' }),
    tables.length ? table(['Table', 'Key', 'Indexes', 'TTL attribute', 'Items', 'Status'], tables.map(({ Table: t, TimeToLiveDescription: ttl }) => [
      h('a', { href: `#/tables/${segment(t.TableName)}`, text: t.TableName }),
      keyText(t.KeySchema, t.AttributeDefinitions), indexText(t),
      ttlText(ttl), String(t.ItemCount ?? 0), badge(t.TableStatus, t.TableStatus === 'ACTIVE' ? 'success' : 'running'),
    ]), { id: 'tables-table' }) : h('p', { class: 'muted', text: 'LocalDynamo has no table yet.' }));
  return null;
}

/** The item with its key attributes first, then the others by name. */
function orderedItem(item, keySchema) {
  const keys = keySchema.map((key) => key.AttributeName);
  const names = [...keys.filter((name) => name in item), ...Object.keys(item).filter((name) => !keys.includes(name)).sort()];
  return Object.fromEntries(names.map((name) => [name, item[name]]));
}

function keyText(schema, definitions) {
  const type = (name) => (definitions.find((definition) => definition.AttributeName === name) || {}).AttributeType || '?';
  return schema.map((key) => `${key.AttributeName} (${type(key.AttributeName)}, ${key.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(' + ');
}

function indexText(t) {
  const names = [...(t.GlobalSecondaryIndexes || []).map((index) => `${index.IndexName} (global)`),
    ...(t.LocalSecondaryIndexes || []).map((index) => `${index.IndexName} (local)`)];
  return names.length ? names.join(', ') : '–';
}

function ttlText(ttl) {
  return ttl && ttl.AttributeName ? `${ttl.AttributeName} (${ttl.TimeToLiveStatus.toLowerCase()})` : '–';
}

async function detail(container, name, query) {
  const { Table: t, TimeToLiveDescription: ttl } = await api.get(`tables/${segment(name)}`);
  const hash = t.KeySchema.find((key) => key.KeyType === 'HASH').AttributeName;
  const itemsBox = h('div', { id: 'items' });
  const itemBox = h('div', { id: 'item', class: 'panel', hidden: true });
  const pager = h('div', { class: 'row' });
  const keyInput = h('input', { id: 'query-value', type: 'search', placeholder: `${hash} =`, 'aria-label': `Partition key ${hash}`, value: query.get('key') || '' });
  const pages = [null];  // the ExclusiveStartKey of each page seen
  let current = 0;

  const showItem = (item) => {
    itemBox.hidden = false;
    const key = keyOf(item, t.KeySchema);
    const ordered = orderedItem(item, t.KeySchema);
    const dynamoText = JSON.stringify(ordered, null, 2);
    const plainText = JSON.stringify(plainItem(ordered), null, 2);
    const body = pre(plainText, 'item-json');
    const plainTab = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'true', text: 'Plain JSON' });
    const dynamoTab = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'false', text: 'DynamoDB JSON' });
    plainTab.addEventListener('click', () => { body.textContent = plainText; plainTab.setAttribute('aria-pressed', 'true'); dynamoTab.setAttribute('aria-pressed', 'false'); });
    dynamoTab.addEventListener('click', () => { body.textContent = dynamoText; dynamoTab.setAttribute('aria-pressed', 'true'); plainTab.setAttribute('aria-pressed', 'false'); });
    const message = h('p', { class: 'small', role: 'status' });
    replace(itemBox,
      h('h3', { text: `Item ${Object.values(key).map((value) => cellText(value, 40)).join(' / ')}` }),
      h('div', { class: 'row tabs' }, plainTab, dynamoTab,
        h('button', { type: 'button', class: 'button small danger', id: 'delete-item', text: 'Delete item', onclick: async () => {
          if (!confirm('Delete this item?')) return;
          try {
            await api.post(`tables/${segment(name)}/delete-item`, { Key: key });
            itemBox.hidden = true;
            await load(current);
          } catch (error) {
            message.textContent = error.message;
            message.className = 'small error';
          }
        } })),
      message, body);
    itemBox.scrollIntoView({ block: 'nearest' });
  };

  const renderItems = (answer) => {
    const items = answer.Items || [];
    const keyNames = t.KeySchema.map((key) => key.AttributeName);
    const others = [...new Set(items.flatMap((item) => Object.keys(item)))].filter((attribute) => !keyNames.includes(attribute)).sort();
    const columns = [...keyNames, ...others].slice(0, 8);
    replace(itemsBox, items.length ? table(columns, items.map((item) => ({
      attributes: { class: 'clickable', tabindex: '0' },
      cells: columns.map((column) => (item[column] ? cellText(item[column]) : '')),
    })), { id: 'items-table' }) : h('p', { class: 'muted', text: 'No item.' }));
    itemsBox.querySelectorAll('tbody tr').forEach((row, index) => {
      const open = () => {
        select(row);
        showItem(items[index]);
      };
      row.addEventListener('click', open);
      row.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    });
    return answer.LastEvaluatedKey || null;
  };

  const load = async (index) => {
    try {
      const next = renderItems(await api.get(`tables/${segment(name)}/items`, { start: pages[index] ? JSON.stringify(pages[index]) : '' }));
      current = index;
      pages.length = index + 1;
      if (next) pages.push(next);
      replace(pager,
        h('button', { type: 'button', class: 'button', text: 'First page', disabled: index === 0, onclick: () => load(0) }),
        h('button', { type: 'button', class: 'button', text: 'Previous', disabled: index === 0, onclick: () => load(index - 1) }),
        h('span', { class: 'muted small', text: `page ${index + 1}` }),
        h('button', { type: 'button', class: 'button', id: 'next-page', text: 'Next page', disabled: !next, onclick: () => load(index + 1) }));
    } catch (error) {
      replace(itemsBox, failure(error));
    }
  };

  const runQuery = async () => {
    if (!keyInput.value) return load(0);
    try {
      const answer = await api.get(`tables/${segment(name)}/query`, { value: keyInput.value });
      renderItems(answer);
      replace(pager, h('span', { class: 'muted small', text: `${answer.Count} item(s) with ${hash} = ${keyInput.value}` }),
        h('button', { type: 'button', class: 'button', text: 'All items', onclick: () => { keyInput.value = ''; load(0); } }));
      if (answer.Items && answer.Items.length === 1) showItem(answer.Items[0]);
    } catch (error) {
      replace(itemsBox, failure(error));
    }
  };

  replace(container,
    h('p', { class: 'crumbs' }, h('a', { href: '#/tables', text: 'Tables' }), ' / ', name),
    h('h2', { text: name }),
    h('section', { class: 'panel' }, facts([
      ['Key', keyText(t.KeySchema, t.AttributeDefinitions)], ['Indexes', indexText(t)], ['TTL attribute', ttlText(ttl)],
      ['Items', String(t.ItemCount ?? 0)], ['Size', `${t.TableSizeBytes ?? 0} bytes`], ['Billing', (t.BillingModeSummary || {}).BillingMode || 'PROVISIONED'],
      ['Stream', t.LatestStreamArn ? `${(t.StreamSpecification || {}).StreamViewType || ''} ${t.LatestStreamArn}` : null],
    ])),
    h('form', { class: 'row filters', onsubmit: (event) => { event.preventDefault(); runQuery(); } },
      h('label', { for: 'query-value', text: `Query by ${hash}` }), keyInput, h('button', { type: 'submit', class: 'button', text: 'Query' })),
    itemsBox, pager, itemBox);
  if (keyInput.value) await runQuery();
  else await load(0);
  return null;
}
