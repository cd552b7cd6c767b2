// Make a Pyodide memory snapshot with the checkups package imported, for scripts/bench_snapshot.py
// (issue 11, item 8: measured, not kept). Runs the site's own Pyodide under Node:
//   node snapshot.mjs <pyodide dir> <out.gz>
// Prints one JSON line: the seconds to boot and import, the snapshot's bytes raw and gzipped,
// and the seconds to restore it and to boot normally (both with the checkups wheel).
// Pyodide's snapshot API is private (_makeSnapshot, makeMemorySnapshot, _loadSnapshot); it
// refuses a snapshot while a package is recorded as loaded, so the record is cleared first
// (the restore loads the wheel again, which puts its files back in the file system).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

const [pyodideDir, out] = process.argv.slice(2);
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const IMPORTS = "import checkups.instant, checkups.instant.calculators, checkups.instant.company, checkups.instant.roster";
const seconds = (t) => Math.round(performance.now() - t) / 1000;

let t = performance.now();
const maker = await loadPyodide({ indexURL, packages: ["checkups"], _makeSnapshot: true });
maker.runPython(IMPORTS);
for (const name of Object.keys(maker.loadedPackages)) delete maker.loadedPackages[name];
const snapshot = maker.makeMemorySnapshot();
const made = seconds(t);
const gz = zlib.gzipSync(snapshot, { level: 9 });
writeFileSync(out, gz);

t = performance.now();
const restored = await loadPyodide({ indexURL, packages: ["checkups"], _loadSnapshot: snapshot });
restored.runPython(IMPORTS);
const restore = seconds(t);
t = performance.now();
const normal = await loadPyodide({ indexURL, packages: ["checkups"] });
normal.runPython(IMPORTS);
const boot = seconds(t);
console.log(JSON.stringify({ made, raw: snapshot.length, gzip: gz.length, restore, boot }));
