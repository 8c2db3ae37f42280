// LocalS3's buckets: configuration (CORS, website, lifecycle), browsing by prefix, one object's metadata,
// its download through a presigned URL, and delete.

import { api, segment } from '../api.js';
import { facts, failure, h, replace, select, table } from '../dom.js';
import { bytes, time } from '../format.js';

export async function bucketsView(container, route) {
  if (route.path[0]) return browse(container, route.path[0], route.query);
  const { buckets } = await api.get('buckets');
  replace(container,
    h('h2', { text: 'Buckets' }),
    buckets.length ? table(['Bucket', 'Created', 'CORS rules', 'Website', 'Lifecycle rules'], buckets.map(({ name, configuration: c }) => [
      h('a', { href: `#/buckets/${segment(name)}`, text: name }), time(c.creationMilliseconds),
      String((c.cors || []).length), c.website ? `index ${c.website.indexSuffix || '–'}, error ${c.website.errorDocumentKey || '–'}` : '–',
      String((c.lifecycle || []).length),
    ]), { id: 'buckets-table' }) : h('p', { class: 'muted', text: 'LocalS3 has no bucket yet.' }));
  return null;
}

function configuration(c) {
  const cors = (c.cors || []).map((rule) => h('li', { text: `${rule.allowedMethods.join(', ')} from ${rule.allowedOrigins.join(', ')}${rule.maxAgeSeconds ? ` (max age ${rule.maxAgeSeconds} s)` : ''}` }));
  const lifecycle = (c.lifecycle || []).map((rule) => h('li', { text: `${rule.id}: ${rule.enabled ? 'enabled' : 'disabled'}, prefix "${rule.prefix}"${rule.expirationDays ? `, expire after ${rule.expirationDays} day(s)` : ''}${rule.expirationDate ? `, expire on ${rule.expirationDate}` : ''}${rule.abortIncompleteUploadDays ? `, abort uploads after ${rule.abortIncompleteUploadDays} day(s)` : ''}` }));
  return facts([
    ['Created', time(c.creationMilliseconds)],
    ['CORS', cors.length ? h('ul', { class: 'plain' }, cors) : 'none'],
    ['Website', c.website ? `index document ${c.website.indexSuffix || '–'}, error document ${c.website.errorDocumentKey || '–'}${c.website.redirectAllRequestsToHost ? `, redirect all to ${c.website.redirectAllRequestsToHost}` : ''}` : 'none'],
    ['Lifecycle', lifecycle.length ? h('ul', { class: 'plain' }, lifecycle) : 'none'],
    ['Public read', c.publicRead ? 'yes' : 'no'],
  ]);
}

async function browse(container, bucket, query) {
  const prefix = query.get('prefix') || '';
  const [{ buckets }, listing] = await Promise.all([api.get('buckets'), api.get(`buckets/${segment(bucket)}/objects`, { prefix, after: query.get('after') || '' })]);
  const found = buckets.find((candidate) => candidate.name === bucket);
  const objectBox = h('div', { id: 'object', class: 'panel', hidden: true });
  const link = (text, target) => h('a', { href: `#/buckets/${segment(bucket)}${target ? `?prefix=${encodeURIComponent(target)}` : ''}`, text });
  const crumbs = [h('a', { href: '#/buckets', text: 'Buckets' }), ' / ', link(bucket, '')];
  let walked = '';
  for (const part of prefix.split('/').filter(Boolean)) {
    walked += `${part}/`;
    crumbs.push(' / ', link(part, walked));
  }

  const showObject = async (key) => {
    objectBox.hidden = false;
    replace(objectBox, h('p', { class: 'muted', text: 'Loading…' }));
    try {
      const object = await api.get(`buckets/${segment(bucket)}/object`, { key });
      const message = h('p', { class: 'small', role: 'status' });
      replace(objectBox,
        h('h3', { class: 'wrap-anywhere', text: object.key }),
        facts([
          ['Size', `${bytes(object.size)} (${object.size} bytes)`], ['Last modified', time(object.lastModified)], ['ETag', h('code', { text: object.etag })],
          ['Content type', object.contentType], ['Content disposition', object.contentDisposition],
          ['Content encoding', object.contentEncoding], ['Cache control', object.cacheControl], ['Version', object.versionId],
          ['User metadata', Object.keys(object.userMetadata).length ? h('ul', { class: 'plain' }, Object.entries(object.userMetadata).map(([name, value]) => h('li', { text: `${name}: ${value}` }))) : null],
          ['Tags', Object.keys(object.tags).length ? Object.entries(object.tags).map(([name, value]) => `${name}=${value}`).join(', ') : null],
          ['Checksums', Object.keys(object.checksums).length ? Object.entries(object.checksums).map(([name, value]) => `${name} ${value}`).join(', ') : null],
        ]),
        h('div', { class: 'row' },
          object.downloadURL ? h('a', { class: 'button primary', id: 'download-object', href: object.downloadURL, text: 'Download', title: 'a presigned URL valid for 15 minutes' }) : null,
          h('button', { type: 'button', class: 'button danger', id: 'delete-object', text: 'Delete object', onclick: async () => {
            if (!confirm(`Delete ${object.key}?`)) return;
            try {
              await api.delete(`buckets/${segment(bucket)}/object`, { key: object.key });
              window.dispatchEvent(new HashChangeEvent('hashchange'));
            } catch (error) {
              message.textContent = error.message;
              message.className = 'small error';
            }
          } })),
        message);
    } catch (error) {
      replace(objectBox, failure(error));
    }
  };

  const rows = [
    ...listing.folders.map((folder) => ({ attributes: { 'data-folder': folder }, cells: [link(`${folder.slice(prefix.length)}`, folder), 'folder', ''] })),
    ...listing.objects.map((object) => ({
      attributes: { class: 'clickable', 'data-key': object.key, tabindex: '0', title: object.contentType || '' },
      cells: [h('span', { class: 'wrap-anywhere', text: object.key.slice(prefix.length) }), bytes(object.size), time(object.lastModified)],
    })),
  ];
  replace(container,
    h('p', { class: 'crumbs' }, crumbs),
    h('h2', { text: bucket }),
    h('div', { class: 'columns' },
      h('section', { class: 'panel' },
        rows.length ? table([{ name: 'Name', class: 'grow' }, { name: 'Size', class: 'nowrap' }, { name: 'Last modified', class: 'nowrap' }], rows, { id: 'objects-table' }) : h('p', { class: 'muted', text: prefix ? 'Nothing under this prefix.' : 'The bucket is empty.' }),
        listing.next ? h('p', {}, h('a', { class: 'button', href: `#/buckets/${segment(bucket)}?prefix=${encodeURIComponent(prefix)}&after=${encodeURIComponent(listing.next)}`, text: 'Next page' })) : null),
      h('div', {}, objectBox, found ? h('section', { class: 'panel' }, h('h3', { text: 'Configuration' }), configuration(found.configuration)) : null)));
  for (const row of container.querySelectorAll('tr[data-key]')) {
    const open = () => {
      select(row);
      showObject(row.dataset.key);
    };
    row.addEventListener('click', open);
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
  }
  if (query.get('key')) await showObject(query.get('key'));
  return null;
}
