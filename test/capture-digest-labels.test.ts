// capture-digest's expect-labels against the real registry: the label resolve-ref prints and the
// build stamps is checked in every platform's config before anything is pushed or tagged (with
// source) or before any output is set (capture-only), and the registry is read afterwards to
// show that a refused image left nothing behind.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRepository, withTag, type RegistryClient } from '@bydigest/core';
import { allBlobs, buildImage, buildIndex, writeOciLayout, type BuiltManifest } from './harness/image.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';

const KEY = 'place.the-empty.margine.spec-ref';
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const OTHER = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

let reg: RunningRegistry;
let client: RegistryClient;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'basic' });
  client = testClient(reg);
});
afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

const capture = (inputs: Record<string, string>) =>
  runAction('capture-digest', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile, HOME: tmp('home-') } });

/** Nothing of the image is in the registry: no tag, no manifest, no blob, not even the repository. */
async function expectNothingPushed(
  repoName: string,
  tag: string,
  image: BuiltManifest,
  children: BuiltManifest[] = [],
): Promise<void> {
  const repo = parseRepository(`${reg.host}/${repoName}`);
  expect(await client.headManifest(withTag(repo, tag))).toBeUndefined();
  for (const b of allBlobs(image, children)) {
    expect(await client.headBlob(repo, b.digest)).toBeUndefined();
    expect(
      existsSync(join(reg.dataDir, 'docker/registry/v2/blobs/sha256', b.digest.slice(7, 9), b.digest.slice(7))),
    ).toBe(false);
  }
  expect(existsSync(join(reg.dataDir, 'docker/registry/v2/repositories', repoName))).toBe(false);
}

describe('capture-digest expect-labels: with source, checked before anything is pushed', () => {
  it('an image built with the label passes, and the summary says what was checked', async () => {
    const img = buildImage({ labels: { [KEY]: SHA } });
    const run = await capture({
      image: `${reg.host}/labels/ok`,
      tags: 'latest',
      source: `oci:${writeOciLayout(tmp('l-'), img)}`,
      'expect-labels': `${KEY}=${SHA}`,
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.digest).toBe(img.digest);
    expect(run.main.summary).toContain(`<code>${KEY}=${SHA}</code>`);
  });

  it('an image built without the label is refused, naming the label and what was expected and found; nothing is pushed', async () => {
    const img = buildImage();
    const run = await capture({
      image: `${reg.host}/labels/missing`,
      tags: 'latest',
      source: `oci:${writeOciLayout(tmp('l-'), img)}`,
      'expect-labels': `${KEY}=${SHA}`,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.outputs).toEqual({});
    expect(errorLines(run.main)[0]).toMatch(
      new RegExp(
        `does not carry the expected labels: label ${KEY.replace(/\./g, '\\.')}: expected "${SHA}", found no such label`,
      ),
    );
    await expectNothingPushed('labels/missing', 'latest', img);
  });

  it('an image built from another commit is refused, naming both SHAs; nothing is pushed', async () => {
    const img = buildImage({ labels: { [KEY]: OTHER } });
    const run = await capture({
      image: `${reg.host}/labels/other`,
      tags: 'latest 1.0',
      source: `oci:${writeOciLayout(tmp('l-'), img)}`,
      'expect-labels': `${KEY}=${SHA}\norg.opencontainers.image.title=bydigest-test`,
    });
    expect(run.main.code).toBe(1);
    const msg = errorLines(run.main)[0]!;
    expect(msg).toContain(`label ${KEY}: expected "${SHA}", found "${OTHER}"`);
    // The label that matches is not reported.
    expect(msg).not.toContain('image.title');
    await expectNothingPushed('labels/other', 'latest', img);
  });

  it('an index passes only when every platform carries the label; the one that does not is named', async () => {
    const amd = buildImage({ architecture: 'amd64', labels: { [KEY]: SHA } });
    const arm = buildImage({ architecture: 'arm64', labels: { [KEY]: OTHER } });
    const index = buildIndex([amd, arm]);
    const bad = await capture({
      image: `${reg.host}/labels/multi`,
      tags: 'latest',
      source: `oci:${writeOciLayout(tmp('l-'), index, { children: [amd, arm] })}`,
      'expect-labels': `${KEY}=${SHA}`,
    });
    expect(bad.main.code).toBe(1);
    const msg = errorLines(bad.main)[0]!;
    expect(msg).toContain(`linux/arm64: label ${KEY}: expected "${SHA}", found "${OTHER}"`);
    expect(msg).not.toContain('linux/amd64');
    await expectNothingPushed('labels/multi', 'latest', index, [amd, arm]);

    const arm2 = buildImage({ architecture: 'arm64', labels: { [KEY]: SHA } });
    const good = buildIndex([amd, arm2]);
    const ok = await capture({
      image: `${reg.host}/labels/multi`,
      tags: 'latest',
      source: `oci:${writeOciLayout(tmp('l-'), good, { children: [amd, arm2] })}`,
      'expect-labels': `${KEY}=${SHA}`,
    });
    expect(errorLines(ok.main)).toEqual([]);
    expect(ok.main.outputs.digest).toBe(good.digest);
  });
});

describe('capture-digest expect-labels: capture-only, checked before any output is set', () => {
  it('tags already pushed without the label: refused, no output, no digestfile; with it: the digest', async () => {
    const unlabelled = await pushTestImage(reg, 'labels/pushed', ['v1'], { layerSizes: [64] });
    const digestfile = join(tmp('out-'), 'digest');
    const run = await capture({
      image: `${reg.host}/labels/pushed`,
      tags: 'v1',
      'expect-labels': `${KEY}=${SHA}`,
      digestfile,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.outputs).toEqual({});
    expect(existsSync(digestfile)).toBe(false);
    expect(errorLines(run.main)[0]).toContain(
      `labels/pushed@${unlabelled.digest} (${unlabelled.digest}) does not carry the expected labels: label ${KEY}: expected "${SHA}", found no such label`,
    );

    const labelled = await pushTestImage(reg, 'labels/pushed', ['v2'], {
      layerSizes: [64],
      labels: { [KEY]: SHA },
      platforms: ['amd64', 'arm64'],
    });
    const ok = await capture({
      image: `${reg.host}/labels/pushed`,
      tags: 'v2',
      'expect-labels': `${KEY}=${SHA}`,
      digestfile,
    });
    expect(errorLines(ok.main)).toEqual([]);
    expect(ok.main.outputs.digest).toBe(labelled.digest);
    expect(readFileSync(digestfile, 'utf8')).toBe(labelled.digest);
  });

  it.each([
    ['no =', `${KEY}`, /input 'expect-labels': expected key=value lines/],
    ['an empty value', `${KEY}=`, /input 'expect-labels': label .* has an empty value/],
    ['a key given twice', `${KEY}=${SHA}\n${KEY}=${OTHER}`, /input 'expect-labels': key .* is given twice/],
  ])('malformed (%s): refused naming the input before any request', async (_form, value, why) => {
    const img = buildImage({ labels: { [KEY]: SHA } });
    const run = await capture({
      image: `${reg.host}/labels/malformed`,
      tags: 'latest',
      source: `oci:${writeOciLayout(tmp('l-'), img)}`,
      'expect-labels': value,
    });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(why);
    await expectNothingPushed('labels/malformed', 'latest', img);
  });
});
