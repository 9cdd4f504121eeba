// The git side of the GitHub API stand-in: one repository's commits, branches, lightweight and
// annotated tags, and the commits its fork network holds (GitHub answers for those under every
// repository of the network, which is what makes an impostor commit look real). Answers the
// read operations resolve-ref and check-pins call, with the bodies GitHub gives.
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface Tag {
  /** The tag object's SHA for an annotated tag. */
  object: { type: 'commit' | 'tag'; sha: string };
}

export interface GitAnswer {
  status: number;
  body: Json | undefined;
}

let counter = 0;
/** A fresh commit-like SHA (40 hex), different on every call. */
export function fakeSha(label = ''): string {
  return createHash('sha1').update(`${process.pid}:${++counter}:${label}`).digest('hex');
}

export class FakeGitRepo {
  readonly commits = new Map<string, string[]>();
  readonly branches = new Map<string, string>();
  readonly tags = new Map<string, Tag>();
  readonly tagObjects = new Map<string, { tag: string; object: { type: 'commit' | 'tag'; sha: string } }>();
  /** False: the token cannot see the repository; GitHub answers 404 to everything, as it does for a private one. */
  readable = true;

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly defaultBranch = 'main',
  ) {}

  /** A commit on top of `parents` (none: a root). */
  commit(...parents: string[]): string {
    const sha = fakeSha('commit');
    this.commits.set(sha, parents);
    return sha;
  }

  /** Commits in a line on `from`; returns them oldest first. */
  line(from: string | undefined, n: number): string[] {
    const out: string[] = [];
    let parent = from;
    for (let i = 0; i < n; i++) {
      parent = parent === undefined ? this.commit() : this.commit(parent);
      out.push(parent);
    }
    return out;
  }

  branch(name: string, sha: string): this {
    this.branches.set(name, sha);
    return this;
  }

  lightweightTag(name: string, sha: string): this {
    this.tags.set(name, { object: { type: 'commit', sha } });
    return this;
  }

  /** `git tag -a`: a tag object pointing at the commit; returns the tag object's SHA. */
  annotatedTag(name: string, sha: string): string {
    const tagSha = fakeSha('tag');
    this.tagObjects.set(tagSha, { tag: name, object: { type: 'commit', sha } });
    this.tags.set(name, { object: { type: 'tag', sha: tagSha } });
    return tagSha;
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s) ?? []));
    }
    return seen;
  }

  /** A branch, a tag (peeled) or a full SHA, as the compare and commits endpoints read them. */
  private commitOf(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    const branch = this.branches.get(ref.replace(/^refs\/heads\//, ''));
    if (branch) return branch;
    const tag = this.tags.get(ref.replace(/^refs\/tags\//, ''));
    if (!tag) return undefined;
    let o = tag.object;
    while (o.type === 'tag') o = this.tagObjects.get(o.sha)!.object;
    return o.sha;
  }

  /** The answer for a request to this repository, or undefined when the operation is not one of git's. */
  answer(
    operationId: string,
    params: Record<string, string>,
    query: Record<string, string>,
    example: Json | undefined,
  ): GitAnswer | undefined {
    const notFound: GitAnswer = {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    };
    if (!this.readable) return notFound;
    const ex = (example ?? {}) as JsonObject;
    const base = `https://api.github.com/repos/${this.owner}/${this.name}`;
    const page = <T>(items: T[]): T[] => {
      const per = Number(query.per_page ?? 30);
      const p = Number(query.page ?? 1);
      return items.slice((p - 1) * per, p * per);
    };
    switch (operationId) {
      case 'repos/get':
        return {
          status: 200,
          body: { ...ex, name: this.name, full_name: `${this.owner}/${this.name}`, default_branch: this.defaultBranch },
        };
      case 'git/get-ref': {
        const ref = params.ref ?? '';
        const [space, ...rest] = ref.split('/');
        const name = rest.join('/');
        const object =
          space === 'heads' && this.branches.has(name)
            ? { type: 'commit', sha: this.branches.get(name)! }
            : space === 'tags' && this.tags.has(name)
              ? this.tags.get(name)!.object
              : undefined;
        if (!object) return notFound;
        return {
          status: 200,
          body: {
            ref: `refs/${ref}`,
            node_id: 'REF_x',
            url: `${base}/git/refs/${ref}`,
            object: { ...object, url: `${base}/git/${object.type}s/${object.sha}` },
          },
        };
      }
      case 'git/get-tag': {
        const t = this.tagObjects.get(params.tag_sha ?? '');
        if (!t) return notFound;
        return {
          status: 200,
          body: {
            ...ex,
            sha: params.tag_sha!,
            tag: t.tag,
            object: { ...t.object, url: `${base}/git/${t.object.type}s/${t.object.sha}` },
          },
        };
      }
      case 'repos/get-commit': {
        const sha = this.commitOf(params.ref ?? '');
        if (!sha)
          return {
            status: 422,
            body: {
              message: `No commit found for SHA: ${params.ref}`,
              documentation_url: 'https://docs.github.com/rest',
              status: '422',
            },
          };
        return {
          status: 200,
          body: {
            ...ex,
            sha,
            parents: (this.commits.get(sha) ?? []).map((p) => ({ sha: p, url: `${base}/commits/${p}` })),
          },
        };
      }
      // The spec has the path twice: /compare/{basehead} and /compare/{base}...{head}; the stand-in matches the second.
      case 'repos/compare-commits':
      case 'repos/compare-commits-with-basehead': {
        const [b, h] = params.basehead !== undefined ? params.basehead.split('...') : [params.base, params.head];
        const baseSha = this.commitOf(b ?? '');
        const headSha = this.commitOf(h ?? '');
        if (!baseSha || !headSha) return notFound;
        const ofBase = this.ancestors(baseSha);
        const ofHead = this.ancestors(headSha);
        const ahead = [...ofHead].filter((s) => !ofBase.has(s)).length;
        const behind = [...ofBase].filter((s) => !ofHead.has(s)).length;
        const status =
          ahead === 0 && behind === 0 ? 'identical' : ahead === 0 ? 'behind' : behind === 0 ? 'ahead' : 'diverged';
        return {
          status: 200,
          body: { ...ex, status, ahead_by: ahead, behind_by: behind, total_commits: ahead, commits: [], files: [] },
        };
      }
      case 'repos/list-tags':
        return {
          status: 200,
          body: page(
            [...this.tags.keys()]
              .sort()
              .reverse()
              .map((name) => {
                const sha = this.commitOf(name)!;
                return {
                  name,
                  commit: { sha, url: `${base}/commits/${sha}` },
                  zipball_url: `${base}/zipball/${name}`,
                  tarball_url: `${base}/tarball/${name}`,
                  node_id: 'TAG_x',
                };
              }),
          ),
        };
      case 'repos/list-branches':
        return {
          status: 200,
          body: page(
            [...this.branches.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([name, sha]) => ({ name, commit: { sha, url: `${base}/commits/${sha}` }, protected: false })),
          ),
        };
      default:
        return undefined;
    }
  }
}
