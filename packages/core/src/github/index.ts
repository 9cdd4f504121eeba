// Read-only GitHub REST calls shared by the actions that check pins and refs (check-pins, resolve-ref).
export { GitHubError, parseRepositorySlug, type GitHubApi, type GitHubSubject } from './api.js';
export { DEFAULT_RATE_LIMIT_POLICY, rateLimitWait, type RateLimitPolicy } from './rate-limit.js';
export { isReachableFromRepository, type Reachability, type ReachabilityOptions } from './reachable.js';
export { checkRefName, resolveRef, type ResolvedRef, type ResolveRefOptions } from './resolve-ref.js';
export { createGitHubRest, repoPath, restAsGitHubApi, type GitHubRest, type GitHubRestOptions } from './rest.js';
export { tagCommit, branchCommit, repositoryExists } from './git-refs.js';
