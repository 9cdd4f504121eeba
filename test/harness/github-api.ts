// A loopback stand-in for api.github.com that holds every request to GitHub's own OpenAPI
// description (@octokit/openapi): the path and method must be an operation, path and query
// parameters must have the declared types, the JSON body must satisfy the operation's schema.
// Valid requests are answered with the operation's example response, overlaid with a little
// state (releases, comments) so a second run can be told from the first. Anything else is
// answered 400 and recorded in `rejections`, which a test asserts empty.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { FakeGitRepo } from './github-git.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: { required: boolean; validate: ValidateFunction } | undefined;
  /** First 2xx status and its example. */
  status: number;
  example: Json | undefined;
}

export interface RecordedRequest {
  operationId: string;
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Json | undefined;
  authorization: string | undefined;
}

export interface StoredComment {
  id: number;
  body: string;
}

/**
 * A git repository as the refs, tags and compare endpoints show it (check-pins). A tag is a
 * commit SHA (lightweight) or an annotated tag object pointing at one; `history` lists, per
 * branch or tag name, the commits reachable from it (its tip included).
 */
export interface GitRepo {
  defaultBranch: string;
  branches: Record<string, string>;
  tags: Record<string, string | { object: string; commit: string }>;
  history: Record<string, string[]>;
}

/** What the fake repository holds: releases by tag, comments by issue number, pull requests by head commit. */
export interface RepoState {
  releases: Map<string, { id: number; body: string }>;
  comments: Map<number, StoredComment[]>;
  pullsByCommit: Map<string, Array<{ number: number; state: 'open' | 'closed' }>>;
  /** check-pins' repositories by `owner/repo` (lowercase); one not listed answers 404. */
  git: Map<string, GitRepo>;
  /**
   * resolve-ref's repositories with git data (`owner/name` → commits, branches, tags): their git reads are answered
   * from it.
   */
  repos: Map<string, FakeGitRepo>;
}

/** A rate-limit answer: the status, the headers GitHub sends with it, and how many requests get it. */
export interface RateLimitAnswer {
  status: 403 | 429;
  headers: Record<string, string>;
  message: string;
  times: number;
}

export interface GitHubApi {
  url: string;
  requests: RecordedRequest[];
  rejections: string[];
  state: RepoState;
  /**
   * Called with each valid request before it is answered: a test can change the state, as a concurrent client would.
   */
  onRequest?: (r: RecordedRequest) => void;
  /**
   * Answers every later request for this operation with `status` and GitHub's error body (and
   * `headers`, e.g. retry-after), `times` times or until the returned function lifts it.
   */
  refuse(
    operationId: string,
    status: number,
    message: string,
    opts?: { headers?: Record<string, string>; times?: number },
  ): () => void;
  /** Answers the next `times` valid requests (any operation) with a rate-limit refusal. */
  rateLimit(answer: RateLimitAnswer): void;
  stop(): Promise<void>;
}

const require_ = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let operationsCache: Operation[] | undefined;

function loadSpec(): JsonObject {
  return JSON.parse(
    readFileSync(require_.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as JsonObject;
}

function deref<T>(spec: JsonObject, node: Json | undefined): T {
  let n = node;
  while (n && typeof n === 'object' && !Array.isArray(n) && typeof n.$ref === 'string') {
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce<Json | undefined>((o, k) => (o && typeof o === 'object' && !Array.isArray(o) ? o[k] : undefined), spec);
  }
  return n as T;
}

/** The components a schema refers to, transitively, so one small document compiles alone. */
function withComponents(spec: JsonObject, schema: JsonObject): JsonObject {
  const schemas = (spec.components as JsonObject).schemas as JsonObject;
  const needed: JsonObject = {};
  const visit = (n: Json): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const ref = n.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
        const name = ref.slice('#/components/schemas/'.length);
        if (!(name in needed)) {
          needed[name] = schemas[name] ?? null;
          visit(schemas[name] ?? null);
        }
      }
      Object.values(n).forEach(visit);
    }
  };
  visit(schema);
  return { ...schema, components: { schemas: needed } };
}

function compileOperations(): Operation[] {
  if (operationsCache) return operationsCache;
  const spec = loadSpec();
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as JsonObject)) {
    for (const [method, raw] of Object.entries(item as JsonObject)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as JsonObject;
      const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => deref<Parameter>(spec, p));
      const pathParams = params.filter((p) => p.in === 'path');
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        const p = pathParams.find((x) => x.name === name);
        return p?.['x-multi-segment'] ? '(.+)' : '([^/]+)';
      });
      const requestBody = deref<JsonObject | undefined>(spec, op.requestBody);
      const bodySchema = ((
        (requestBody?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined
      )?.schema ?? undefined) as JsonObject | undefined;
      const responses = op.responses as JsonObject;
      const status = Number(Object.keys(responses).find((s) => /^2\d\d$/.test(s)) ?? 200);
      const response = deref<JsonObject | undefined>(spec, responses[String(status)]);
      const media = (response?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
      const exampleRef = (media?.examples as JsonObject | undefined)?.default;
      const example = exampleRef ? deref<JsonObject>(spec, exampleRef).value : media?.example;
      ops.push({
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        pathParams,
        queryParams: params.filter((p) => p.in === 'query'),
        body: bodySchema
          ? { required: requestBody?.required === true, validate: lazyValidator(ajv, withComponents(spec, bodySchema)) }
          : undefined,
        status,
        example,
      });
    }
  }
  // Literal segments win over parameters (/releases/latest before /releases/{release_id}).
  ops.sort((a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length);
  operationsCache = ops;
  return ops;
}

/** Compiling ~1000 body schemas up front costs seconds; only the operations a test calls are compiled. */
function lazyValidator(ajv: Ajv, schema: JsonObject): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const fn = ((data: unknown) => {
    compiled ??= ajv.compile(schema);
    const ok = compiled(data);
    fn.errors = compiled.errors;
    return ok;
  }) as ValidateFunction;
  return fn;
}

function typeOk(value: string, schema: JsonObject | undefined): boolean {
  if (!schema) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return value !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return value === 'true' || value === 'false';
    default:
      return true;
  }
}

/** Checks a request against the spec; returns the operation and its parameters, or why it is not allowed. */
function check(
  method: string,
  url: URL,
  rawBody: string,
  contentType: string | undefined,
): { op: Operation; params: Record<string, string>; body: Json | undefined } | string {
  const ops = compileOperations();
  const path = url.pathname;
  const candidates = ops.filter((o) => o.pattern.test(path));
  if (candidates.length === 0) return `${method} ${path}: no such path in GitHub's REST API`;
  const op = candidates.find((o) => o.method === method);
  if (!op)
    return `${method} ${path}: method not allowed (the spec has ${[...new Set(candidates.map((c) => c.method))].join(', ')})`;
  const match = op.pattern.exec(path)!;
  const params: Record<string, string> = {};
  const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  names.forEach((n, i) => (params[n] = decodeURIComponent(match[i + 1] as string)));
  for (const p of op.pathParams) {
    if (!typeOk(params[p.name] ?? '', p.schema))
      return `${op.operationId}: path parameter ${p.name}=${params[p.name]} is not of type ${String(p.schema?.type)}`;
  }
  for (const [k, v] of url.searchParams) {
    const p = op.queryParams.find((q) => q.name === k);
    if (!p) return `${op.operationId}: query parameter ${k} is not defined`;
    if (!typeOk(v, p.schema)) return `${op.operationId}: query parameter ${k}=${v} does not match its schema`;
  }
  for (const p of op.queryParams)
    if (p.required && !url.searchParams.has(p.name))
      return `${op.operationId}: required query parameter ${p.name} missing`;
  let body: Json | undefined;
  if (rawBody !== '') {
    if (!op.body) return `${op.operationId}: takes no request body, got ${rawBody.length} bytes`;
    if (!contentType?.startsWith('application/json'))
      return `${op.operationId}: body sent as ${contentType ?? 'no content type'}, expected application/json`;
    try {
      body = JSON.parse(rawBody) as Json;
    } catch {
      return `${op.operationId}: body is not JSON`;
    }
    if (!op.body.validate(body))
      return `${op.operationId}: body does not match the schema: ${JSON.stringify(op.body.validate.errors)}`;
  } else if (op.body?.required) {
    return `${op.operationId}: request body required`;
  }
  return { op, params, body };
}

const clone = <T>(v: T): T => structuredClone(v);

/**
 * Starts the server. `token`, when given, must arrive in every request's Authorization header
 * (as Octokit sends it: `token <t>`), as GitHub requires for these writes.
 */
export async function startGitHubApi(opts: { token?: string } = {}): Promise<GitHubApi> {
  compileOperations();
  const requests: RecordedRequest[] = [];
  const rejections: string[] = [];
  const refusals = new Map<
    string,
    { status: number; message: string; headers: Record<string, string>; times: number }
  >();
  const state: RepoState = {
    releases: new Map(),
    comments: new Map(),
    pullsByCommit: new Map(),
    git: new Map(),
    repos: new Map(),
  };
  const limits: RateLimitAnswer[] = [];
  let nextId = 1000;

  const answer = (
    res: ServerResponse,
    status: number,
    body: Json | undefined,
    headers: Record<string, string> = {},
  ) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  /** The example, overlaid with the state a test can observe. */
  const respond = (r: RecordedRequest, op: Operation): { status: number; body: Json | undefined } => {
    const body = r.body as JsonObject | undefined;
    const example = clone(op.example) as JsonObject;
    if (r.params.owner !== undefined && r.params.repo !== undefined) {
      // resolve-ref's fake repositories answer their own reads; check-pins' table answers the rest.
      const fake = state.repos.get(`${r.params.owner}/${r.params.repo}`);
      const git = fake ? fake.answer(r.operationId, r.params, r.query, example) : gitAnswer(r, op, example);
      if (git) return git;
    }
    switch (r.operationId) {
      case 'repos/get-release-by-tag': {
        const rel = state.releases.get(r.params.tag as string);
        if (!rel)
          return {
            status: 404,
            body: {
              message: 'Not Found',
              documentation_url: 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name',
              status: '404',
            },
          };
        return {
          status: op.status,
          body: { ...example, id: rel.id, tag_name: r.params.tag as string, body: rel.body },
        };
      }
      case 'repos/get-release': {
        const entry = [...state.releases.entries()].find(([, v]) => v.id === Number(r.params.release_id));
        if (!entry) return { status: 404, body: { message: 'Not Found' } };
        return { status: op.status, body: { ...example, id: entry[1].id, tag_name: entry[0], body: entry[1].body } };
      }
      case 'repos/update-release': {
        const entry = [...state.releases.entries()].find(([, v]) => v.id === Number(r.params.release_id));
        if (!entry) return { status: 404, body: { message: 'Not Found' } };
        if (typeof body?.body === 'string') entry[1].body = body.body;
        return { status: op.status, body: { ...example, id: entry[1].id, tag_name: entry[0], body: entry[1].body } };
      }
      case 'issues/list-comments': {
        const list = state.comments.get(Number(r.params.issue_number)) ?? [];
        const item = (example as unknown as JsonObject[])[0] as JsonObject;
        return { status: op.status, body: list.map((c) => ({ ...clone(item), id: c.id, body: c.body })) };
      }
      case 'issues/create-comment': {
        const n = Number(r.params.issue_number);
        const c = { id: nextId++, body: body?.body as string };
        state.comments.set(n, [...(state.comments.get(n) ?? []), c]);
        return { status: op.status, body: { ...example, id: c.id, body: c.body } };
      }
      case 'issues/update-comment': {
        const c = [...state.comments.values()].flat().find((x) => x.id === Number(r.params.comment_id));
        if (!c) return { status: 404, body: { message: 'Not Found' } };
        c.body = body?.body as string;
        return { status: op.status, body: { ...example, id: c.id, body: c.body } };
      }
      case 'issues/delete-comment': {
        const id = Number(r.params.comment_id);
        for (const [n, list] of state.comments) {
          if (list.some((c) => c.id === id)) {
            state.comments.set(
              n,
              list.filter((c) => c.id !== id),
            );
            return { status: op.status, body: undefined };
          }
        }
        return { status: 404, body: { message: 'Not Found' } };
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const item = (example as unknown as JsonObject[])[0] as JsonObject;
        const pulls = state.pullsByCommit.get(r.params.commit_sha as string) ?? [];
        return {
          status: op.status,
          body: pulls.map((p) => ({
            ...clone(item),
            number: p.number,
            state: p.state,
            head: { ...(item.head as JsonObject), sha: r.params.commit_sha as string },
          })),
        };
      }
      case 'repos/create-commit-status':
        return {
          status: op.status,
          body: {
            ...example,
            state: body?.state ?? null,
            context: body?.context ?? null,
            description: body?.description ?? null,
            target_url: body?.target_url ?? null,
          },
        };
      default:
        return { status: op.status, body: example };
    }
  };

  /** The refs, tags and compare endpoints over `state.git`; undefined for other operations. */
  const gitAnswer = (
    r: RecordedRequest,
    op: Operation,
    example: JsonObject,
  ): { status: number; body: Json | undefined } | undefined => {
    const ops = [
      'repos/get',
      'git/get-ref',
      'git/get-tag',
      'repos/list-branches',
      'repos/list-tags',
      'repos/compare-commits-with-basehead',
      'repos/compare-commits',
    ];
    if (!ops.includes(r.operationId)) return undefined;
    const repo = state.git.get(`${r.params.owner}/${r.params.repo}`.toLowerCase());
    const notFound = {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    };
    if (!repo) return notFound;
    const tagged = (t: GitRepo['tags'][string]): string => (typeof t === 'string' ? t : t.commit);
    const list = (refs: Record<string, string>) =>
      Object.entries(refs).map(([name, sha]) => ({
        name,
        commit: { sha, url: `https://api.github.com/repos/o/r/commits/${sha}` },
      }));
    switch (r.operationId) {
      case 'repos/get':
        return {
          status: op.status,
          body: {
            ...example,
            name: r.params.repo as string,
            full_name: `${r.params.owner}/${r.params.repo}`,
            default_branch: repo.defaultBranch,
          },
        };
      case 'git/get-ref': {
        const ref = r.params.ref as string;
        const [kind, ...rest] = ref.split('/');
        const name = rest.join('/');
        if (kind === 'heads' && repo.branches[name] !== undefined)
          return {
            status: op.status,
            body: {
              ...example,
              ref: `refs/${ref}`,
              object: { type: 'commit', sha: repo.branches[name], url: 'https://api.github.com/x' },
            },
          };
        const tag = kind === 'tags' ? repo.tags[name] : undefined;
        if (tag === undefined) return notFound;
        const object = typeof tag === 'string' ? { type: 'commit', sha: tag } : { type: 'tag', sha: tag.object };
        return {
          status: op.status,
          body: { ...example, ref: `refs/${ref}`, object: { ...object, url: 'https://api.github.com/x' } },
        };
      }
      case 'git/get-tag': {
        const entry = Object.entries(repo.tags).find(([, t]) => typeof t !== 'string' && t.object === r.params.tag_sha);
        if (!entry) return notFound;
        return {
          status: op.status,
          body: {
            ...example,
            tag: entry[0],
            sha: r.params.tag_sha as string,
            object: { type: 'commit', sha: tagged(entry[1]), url: 'https://api.github.com/x' },
          },
        };
      }
      case 'repos/list-branches':
        return { status: op.status, body: list(repo.branches).map((b) => ({ ...b, protected: false })) };
      case 'repos/list-tags':
        return {
          status: op.status,
          body: list(Object.fromEntries(Object.entries(repo.tags).map(([n, t]) => [n, tagged(t)]))).map((t) => ({
            ...t,
            zipball_url: 'https://x',
            tarball_url: 'https://x',
            node_id: 'x',
          })),
        };
      default: {
        // The spec has both /compare/{basehead} and the older /compare/{base}...{head}.
        const [base = '', head = ''] =
          r.params.basehead !== undefined
            ? (r.params.basehead as string).split('...')
            : [r.params.base as string, r.params.head as string];
        const tip = repo.branches[base] ?? (repo.tags[base] !== undefined ? tagged(repo.tags[base]!) : undefined);
        if (tip === undefined) return notFound;
        const status = head === tip ? 'identical' : (repo.history[base] ?? []).includes(head) ? 'behind' : 'diverged';
        return { status: op.status, body: { ...example, status } };
      }
    }
  };

  // eslint-disable-next-line prefer-const -- assigned once the port is known, read by requests after that
  let self: GitHubApi;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const checked = check(req.method ?? 'GET', url, raw, req.headers['content-type']);
      if (typeof checked === 'string') {
        rejections.push(checked);
        answer(res, 400, { message: `rejected by the OpenAPI check: ${checked}` });
        return;
      }
      const authorization = req.headers.authorization;
      if (
        opts.token !== undefined &&
        authorization !== `token ${opts.token}` &&
        authorization !== `Bearer ${opts.token}`
      ) {
        rejections.push(
          `${checked.op.operationId}: Authorization header is ${authorization === undefined ? 'missing' : 'not the expected token'}`,
        );
        answer(res, 401, { message: 'Bad credentials' });
        return;
      }
      const rec: RecordedRequest = {
        operationId: checked.op.operationId,
        method: checked.op.method,
        path: url.pathname,
        params: checked.params,
        query: Object.fromEntries(url.searchParams),
        body: checked.body,
        authorization,
      };
      requests.push(rec);
      self.onRequest?.(rec);
      const limit = limits[0];
      if (limit) {
        if (--limit.times <= 0) limits.shift();
        answer(
          res,
          limit.status,
          {
            message: limit.message,
            documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
          },
          limit.headers,
        );
        return;
      }
      const refusal = refusals.get(rec.operationId);
      if (refusal) {
        if (--refusal.times <= 0) refusals.delete(rec.operationId);
        answer(
          res,
          refusal.status,
          {
            message: refusal.message,
            documentation_url: 'https://docs.github.com/rest',
            status: String(refusal.status),
          },
          refusal.headers,
        );
        return;
      }
      const out = respond(rec, checked.op);
      answer(res, out.status, out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self = {
    url: `http://127.0.0.1:${port}`,
    requests,
    rejections,
    state,
    refuse: (operationId, status, message, opts = {}) => {
      refusals.set(operationId, { status, message, headers: opts.headers ?? {}, times: opts.times ?? Infinity });
      return () => refusals.delete(operationId);
    },
    rateLimit: (a) => {
      limits.push({ ...a });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}
