// Read-only GitHub REST calls shared by the actions that check pins and refs (check-pins, resolve-ref).
export { GitHubError, parseRepositorySlug, type GitHubApi } from './api.js';
export { rateLimitWait, type RateLimitPolicy } from './rate-limit.js';
export { isReachableFromRepository } from './reachable.js';
export { checkRefName, resolveRef } from './resolve-ref.js';
export { createGitHubRest, restAsGitHubApi } from './rest.js';
export { tagCommit } from './git-refs.js';
