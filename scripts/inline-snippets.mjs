// Trunk post-build hook (Trunk.toml): puts wasm-bindgen's JS snippets into the glue that
// imports them, so a page does not wait for one more round trip before the wasm starts.
//
//   node scripts/inline-snippets.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
//
// wasm-bindgen writes each `#[wasm_bindgen(module = "/src/…js")]` file to
// snippets/<crate>-<hash>/… and the glue (terms-consent.js, terms-documents.js,
// terms-widget.js) imports it statically. A browser finds those imports only once it has
// the glue, so every page paid a round trip after the glue before the wasm could be
// instantiated (about 25 ms on 127.0.0.1 in issue 9's bench), and a preload hint cannot
// name a hashed path. Here each such import becomes the snippet's code in the glue, in
// its own scope. Snippets are our own small files (src/embed/elements.js,
// src/platform/push_args.js, src/platform/acceptance_host.js): plain functions, no imports.
// Anything else (an import, `export default`, `import.meta`) fails the build, naming the
// file. The snippets folder goes once no glue refers to it.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('inline-snippets: give the build folder (or run as a Trunk hook)');
  process.exit(2);
}

const IMPORT = /^import \{([^}]*)\} from (['"])(\.\/snippets\/[^'"]+\.js)\2;?\n/gm;

/** The snippet's code, with its exported declarations kept as local ones. */
async function snippetCode(file) {
  const code = await readFile(file, 'utf8');
  const refuse = (why) => {
    throw new Error(`inline-snippets: ${file} ${why}; only plain exported functions and constants can be inlined`);
  };
  if (/^\s*import[\s{*'"]/m.test(code) || /import\.meta/.test(code)) refuse('imports something');
  if (/^\s*export\s+(default|\{|\*)/m.test(code)) refuse('has an export list or a default export');
  return code.replace(/^export\s+(?=(async\s+)?function\b|const\b|let\b|class\b)/gm, '');
}

async function inlineInto(glue) {
  const source = await readFile(glue, 'utf8');
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of source.matchAll(IMPORT)) {
    // `a`, or `a as b`: the snippet's name, and the glue's.
    const names = m[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split(/\s+as\s+/));
    const code = await snippetCode(path.join(path.dirname(glue), m[3]));
    const pattern = names.map(([from, to]) => (to && to !== from ? `${from}: ${to}` : from)).join(', ');
    const result = names.map(([from]) => from).join(', ');
    out += source.slice(last, m.index);
    out += `// ${m[3]} (inlined by scripts/inline-snippets.mjs)\nconst { ${pattern} } = (() => {\n${code}\nreturn { ${result} };\n})();\n`;
    last = m.index + m[0].length;
    count += 1;
  }
  if (count === 0) return 0;
  await writeFile(glue, out + source.slice(last));
  return count;
}

const entries = await readdir(dir, { withFileTypes: true });
let inlined = 0;
for (const e of entries) {
  if (e.isFile() && e.name.endsWith('.js')) inlined += await inlineInto(path.join(dir, e.name));
}
// Nothing may still load a snippet file: then the folder goes.
for (const e of entries) {
  if (e.isFile() && e.name.endsWith('.js')) {
    const text = await readFile(path.join(dir, e.name), 'utf8');
    if (/(from\s*|import\s*\(\s*)['"`]\.\/snippets\//.test(text)) {
      console.error(`inline-snippets: ${e.name} still imports from ./snippets/`);
      process.exit(1);
    }
  }
}
await rm(path.join(dir, 'snippets'), { recursive: true, force: true });
console.log(`inline-snippets: ${inlined} snippet import(s) inlined in ${dir}`);
