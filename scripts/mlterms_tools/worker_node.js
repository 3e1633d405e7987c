/* Run the site's search worker (mlterms-search.js) in node against a built site's files, no browser.
 *
 * For iterating on ranking: the browser run of scripts/search_quality.py stays the measure that
 * counts (it types into the real search box); this answers the same queries in seconds, with the
 * same worker code, its own importScripts/fetch/postMessage over the site folder.
 *
 * Usage: node worker_node.js SITE_DIR < queries.json > results.json
 *   queries.json: ["query", ...]; results.json: [{query, results: [location, ...]}, ...] (a "No term"
 *   answer is the link off the site it offers)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");

const site = path.resolve(process.argv[2] || "site");
const workerPath = path.join(site, "assets", "javascripts", "mlterms-search.js");
let listener = null, resolveResult = null;

const self = globalThis;
self.self = self;
Object.defineProperty(self, "location", { value: { href: pathToFileURL(workerPath).href } });
self.importScripts = (...urls) => urls.forEach(url => vm.runInThisContext(fs.readFileSync(fileURLToPath(url), "utf8"), { filename: url }));
self.fetch = async url => {
  const file = fileURLToPath(url instanceof URL ? url.href : url);
  const ok = fs.existsSync(file);
  const bytes = () => { const b = fs.readFileSync(file); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); };
  return { ok, status: ok ? 200 : 404, json: async () => JSON.parse(fs.readFileSync(file, "utf8")), arrayBuffer: async () => bytes() };
};
self.addEventListener = (type, fn) => { if (type === "message") listener = fn; };
/* A question's first answer (by words) says `refining`: the answer by meaning follows; wait for it. */
self.postMessage = message => { if (message.type === 3 && resolveResult && !message.data.refining) resolveResult(message.data); };

vm.runInThisContext(fs.readFileSync(workerPath, "utf8"), { filename: workerPath });

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const bootstrap = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  listener({ data: { type: 0, data: { config: bootstrap.config } } });
  listener({ data: "mlterms-no-wait" });  // whole queries, one at a time: no keystroke follows
  const out = [];
  for (const query of queries) {
    const data = await new Promise(resolve => { resolveResult = resolve; listener({ data: { type: 2, data: query } }); });
    out.push({ query, results: data.items.map(group => group[0].location) });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch(error => { console.error(error); process.exit(1); });
