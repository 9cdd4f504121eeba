import * as core from '@actions/core';
export function hello(): void { core.info('hello'); }
