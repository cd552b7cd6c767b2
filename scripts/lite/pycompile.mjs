// Run pycompile.py in Pyodide under Node (the browser's CPython, so the bytecode matches).
//   node pycompile.mjs <pyodide dir> <host dir> <job.json>
// <host dir> is mounted at /host; the paths in job.json are under /host.
// PYTHONNODEBUGRANGES: the bytecode keeps line numbers but not the column ranges that only
// draw the ^^^ under a traceback's line (about a fifth of a .pyc's compressed size).
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, hostDir, job] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.resolve(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep, env: { PYTHONNODEBUGRANGES: "1" } });
py.FS.mkdirTree("/host");
py.FS.mount(py.FS.filesystems.NODEFS, { root: path.resolve(hostDir) }, "/host");
const here = path.dirname(fileURLToPath(import.meta.url));
py.runPython(readFileSync(path.join(here, "pycompile.py"), "utf8"));
py.globals.get("main")("/host/" + job);
