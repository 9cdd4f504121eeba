// Read-only GitHub REST calls shared by the actions that check pins (check-pins, resolve-ref).
export { createGitHubRest, repoPath, type GitHubRest, type GitHubRestOptions } from './rest.js';
export { tagCommit, branchCommit, repositoryExists } from './git-refs.js';
export { isReachableFromRepository, type Reachability, type ReachableOptions } from './reachable.js';
