// listTags against a scripted server: the pages GHCR and distribution 3 serve (n, last, Link), and
// what a broken registry may serve instead (a page that is not a tag list, a `last` that loops).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BydigestError } from '../../src/errors.js';
import { RegistryClient } from '../../src/oci/remote/registry.js';
import { json, scriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer;
let client: RegistryClient;
beforeEach(async () => {
  server = await scriptedServer();
  client = new RegistryClient({ retries: 0 });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

const repo = () => ({ registry: server.host, repository: 'o/img' });
const lists = () => server.seen.filter((r) => r.url.includes('/tags/list')).map((r) => r.url);

describe('listTags', () => {
  it('follows the Link header, 1,000 a page', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => `t${String(i).padStart(4, '0')}`);
    server.handle((req, res) => {
      const url = new URL(req.url, 'http://x');
      const last = url.searchParams.get('last');
      const from = last ? all.indexOf(last) + 1 : 0;
      const page = all.slice(from, from + 1000);
      const more = from + 1000 < all.length;
      json(
        res,
        200,
        { name: 'o/img', tags: page },
        more ? { link: `</v2/o/img/tags/list?last=${page.at(-1)}&n=1000>; rel="next"` } : {},
      );
    });
    expect(await client.listTags(repo())).toEqual(all);
    expect(lists()).toEqual([
      '/v2/o/img/tags/list?n=1000',
      '/v2/o/img/tags/list?last=t0999&n=1000',
      '/v2/o/img/tags/list?last=t1999&n=1000',
    ]);
  });

  it('a `last` that loops: a bounded stop, named', async () => {
    server.handle((_req, res) =>
      json(res, 200, { name: 'o/img', tags: ['a'] }, { link: '</v2/o/img/tags/list?last=a&n=1000>; rel="next"' }),
    );
    const err = (await client.listTags(repo()).catch((e: unknown) => e)) as BydigestError;
    expect(err).toBeInstanceOf(BydigestError);
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toContain('does not end: page 3 asks again for /v2/o/img/tags/list?last=a&n=1000');
    expect(lists()).toHaveLength(2);
  });

  it('pages that never repeat stop at maxPages', async () => {
    let n = 0;
    server.handle((_req, res) =>
      json(res, 200, { tags: [`x${n}`] }, { link: `</v2/o/img/tags/list?last=x${n++}&n=1000>; rel="next"` }),
    );
    await expect(client.listTags(repo(), { maxPages: 5 })).rejects.toThrow('page 6 exceeds the bound of 5 pages');
    expect(lists()).toHaveLength(5);
  });

  it('a page that is not a tag list: REGISTRY naming the page', async () => {
    server.handle((_req, res) => json(res, 200, { tags: [1, 2] }));
    await expect(client.listTags(repo())).rejects.toThrow('tag list page 1 of 127.0.0.1');
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tags": ['));
    await expect(client.listTags(repo())).rejects.toThrow(/tag list page 1 of .* is not JSON/);
  });

  it('a repository the registry does not know: [] by default, NOT_FOUND when asked', async () => {
    server.handle((_req, res) => json(res, 404, { errors: [{ code: 'NAME_UNKNOWN' }] }));
    expect(await client.listTags(repo())).toEqual([]);
    const err = (await client.listTags(repo(), { missing: 'error' }).catch((e: unknown) => e)) as BydigestError;
    expect([err.code, err.status]).toEqual(['NOT_FOUND', 404]);
  });
});
