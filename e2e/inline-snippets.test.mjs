// The build step that puts wasm-bindgen's JS snippets into the glue
// (scripts/inline-snippets.mjs, a Trunk post-build hook), on small made-up build folders.
// That the real builds load with no snippet request: builds.test.mjs.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { ROOT } from './helpers.mjs';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/inline-snippets.mjs');
const folders = [];
after(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

/** A build folder with `files` ({path: text}); returns its path. */
async function buildFolder(files) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-inline-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the script on `dir`: its exit code and output. */
async function inline(dir) {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, dir]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('inline-snippets', () => {
  test('puts each imported snippet into the glue, in its own scope, and removes the folder', async () => {
    const dir = await buildFolder({
      'snippets/c-1/src/a.js': 'const helper = 40;\nexport function add(x) { return x + helper; }\nexport const two = 2;\n',
      'snippets/c-1/src/b.js': 'const helper = "b";\nexport function name() { return helper; }\n',
      'glue.mjs.js':
        "import { add, two as TWO } from './snippets/c-1/src/a.js';\n" +
        'import { name } from "./snippets/c-1/src/b.js";\n' +
        'export const result = [add(TWO), name()];\n',
      'other.js': 'export const untouched = 1;\n',
    });
    const { code, out } = await inline(dir);
    assert.equal(code, 0, out);
    assert.match(out, /2 snippet import\(s\) inlined/);
    assert.equal(existsSync(path.join(dir, 'snippets')), false, 'the snippets folder is gone');
    const glue = await readFile(path.join(dir, 'glue.mjs.js'), 'utf8');
    assert.doesNotMatch(glue, /snippets\/c-1\/src\/[ab]\.js['"]/, 'no import of a snippet file is left');
    // Two snippets with the same private name do not clash, and the glue runs as before.
    await writeFile(path.join(dir, 'glue.mjs'), glue);
    const { result } = await import(path.join(dir, 'glue.mjs'));
    assert.deepEqual(result, [42, 'b']);
    assert.equal(await readFile(path.join(dir, 'other.js'), 'utf8'), 'export const untouched = 1;\n');
  });

  test('refuses a snippet it cannot inline, naming it, and leaves the build as it was', async () => {
    for (const snippet of [
      "import { x } from './x.js';\nexport function f() { return x; }\n",
      'export default function f() {}\n',
      'export { f };\nfunction f() {}\n',
      'export function f() { return import.meta.url; }\n',
    ]) {
      const glue = "import { f } from './snippets/c-1/src/a.js';\nf();\n";
      const dir = await buildFolder({ 'snippets/c-1/src/a.js': snippet, 'glue.js': glue });
      const { code, out } = await inline(dir);
      assert.notEqual(code, 0, `should refuse: ${snippet}`);
      assert.match(out, /src\/a\.js .*only plain exported functions/, out);
      assert.equal(existsSync(path.join(dir, 'snippets/c-1/src/a.js')), true, 'the snippet is kept');
      assert.equal(await readFile(path.join(dir, 'glue.js'), 'utf8'), glue, 'the glue is unchanged');
    }
  });

  test('fails, keeping the snippets, when a glue still loads one some other way', async () => {
    const dir = await buildFolder({
      'snippets/c-1/src/a.js': 'export function f() {}\n',
      'glue.js': "import * as all from './snippets/c-1/src/a.js';\nall.f();\n",
    });
    const { code, out } = await inline(dir);
    assert.notEqual(code, 0);
    assert.match(out, /glue\.js still imports from \.\/snippets\//);
    assert.equal(existsSync(path.join(dir, 'snippets/c-1/src/a.js')), true);
  });
});
