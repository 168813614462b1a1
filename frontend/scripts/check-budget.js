#!/usr/bin/env node
// The performance budget of the public pages: the JavaScript a visitor downloads before the
// first page can render (the entry chunk and everything it imports statically, which Vite lists
// as <script type="module"> and <link rel="modulepreload"> in dist/index.html), gzipped.
// Fails above BUDGET_KB. Also prints, for information, what each public page's lazy chunk adds.
// And the CSS: what each public page loads (the stylesheets in dist/index.html and those its lazy
// chunk brings), gzipped; fails when the largest is above CSS_BUDGET_KB.
// Run after `vite build` (npm run budget does both).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
// Just above what the public pages load today (47.8 KB: mostly the NL Design System components
// and the theme's tokens), so that more CSS is a decision, not an accident.
const CSS_BUDGET_KB = 50;
// The build to check: frontend/dist, or the folder given as the first argument.
const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const PUBLIC_PAGES = ['DashboardPage', 'MapPage', 'MeasurePage', 'MunicipalityPublicPage'];

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`check-budget: ${dist}/index.html is missing; build the SPA first (npm run build).`);
  process.exit(2);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), recursively. */
function staticClosure(start, seen = new Set()) {
  for (const file of start) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const imports = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => `assets/${m[1]}`);
    staticClosure(imports, seen);
  }
  return seen;
}

const initial = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
if (initial.length === 0) {
  console.error('check-budget: found no scripts in dist/index.html.');
  process.exit(2);
}
const initialSet = staticClosure(initial);
const initialKb = [...initialSet].reduce((sum, file) => sum + gzipKb(file), 0);

console.log(`Initial JavaScript (entry and its static imports, gzipped): ${initialKb.toFixed(1)} KB of ${BUDGET_KB} KB`);
for (const file of [...initialSet].sort()) console.log(`  ${file}  ${gzipKb(file).toFixed(1)} KB`);

const assets = readdirSync(join(dist, 'assets'));
for (const page of PUBLIC_PAGES) {
  const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'));
  if (!chunk) {
    console.log(`  ${page}: no chunk of its own found`);
    continue;
  }
  const extra = [...staticClosure([`assets/${chunk}`])].filter((file) => !initialSet.has(file));
  const extraKb = extra.reduce((sum, file) => sum + gzipKb(file), 0);
  console.log(`  + ${page} loads ${extraKb.toFixed(1)} KB more (${extra.length} chunks)`);
}

/**
 * The files each lazily loaded chunk needs, as Vite's preload helper lists them in the chunk that
 * imports it: `import("./Page-x.js"), __vite__mapDeps([3, 5, 8])` indexes `m.f=["assets/…", …]`.
 */
function lazyDependencies(files) {
  const deps = new Map();
  for (const file of files) {
    const code = readFileSync(join(dist, file), 'utf8');
    const list = code.match(/m\.f=(\[[^\]]*\])/);
    if (!list) continue;
    const names = JSON.parse(list[1]);
    for (const m of code.matchAll(/import\(\s*[`"']\.\/([\w.-]+\.js)[`"']\s*\)\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]\)/g)) {
      deps.set(`assets/${m[1]}`, m[2].split(',').filter(Boolean).map((index) => names[Number(index)]));
    }
  }
  return deps;
}

const initialCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\bhref="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const lazy = lazyDependencies(initialSet);
let largestCssKb = 0;
console.log('CSS per public page (gzipped):');
for (const page of PUBLIC_PAGES) {
  const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'));
  const own = (chunk && lazy.get(`assets/${chunk}`)) || [];
  const css = new Set([...initialCss, ...own.filter((file) => file.endsWith('.css'))]);
  const cssKb = [...css].reduce((sum, file) => sum + gzipKb(file), 0);
  largestCssKb = Math.max(largestCssKb, cssKb);
  console.log(`  ${page}: ${cssKb.toFixed(1)} KB (${[...css].map((file) => file.replace('assets/', '')).join(', ')})`);
}
console.log(`Largest CSS of a public page: ${largestCssKb.toFixed(1)} KB of ${CSS_BUDGET_KB} KB`);

let failed = false;
if (largestCssKb > CSS_BUDGET_KB) {
  console.error(`check-budget: a public page loads ${largestCssKb.toFixed(1)} KB of CSS gzipped, over the budget of ${CSS_BUDGET_KB} KB.`);
  failed = true;
}
if (initialKb > BUDGET_KB) {
  console.error(`check-budget: the initial JavaScript is ${initialKb.toFixed(1)} KB gzipped, over the budget of ${BUDGET_KB} KB.`);
  failed = true;
}
if (failed) process.exit(1);
