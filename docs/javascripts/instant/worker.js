// The instant check-ups' Python: the checkups package in Pyodide, in a module Web Worker
// (started by page.js with new Worker(url, {type: "module"})), so the page never freezes.
//
// Pyodide comes from the site's own files (the lite/static/pyodide/ folder the JupyterLite
// build makes, shared by both), and the checkups wheel is installed from that folder's
// lock file by loadPyodide({packages}) — no micropip, no other host. All the logic and all
// the words are in the package (checkups.instant.handle); this file only passes messages.
//
// Messages in:  {type: "boot", indexURL}
//               {type: "call", id, request: {op, args}, data?: Uint8Array, needs?: [package]}
// Messages out: {type: "progress", stage}, {type: "ready", seconds}, {type: "failed", detail},
//               {type: "answer", id, answer}
let started = null;

async function boot(indexURL) {
  const began = performance.now();
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  self.postMessage({ type: "progress", stage: "loading" });
  const pyodide = await loadPyodide({ indexURL, packages: ["checkups"] });
  self.postMessage({ type: "progress", stage: "installing" });
  const handle = pyodide.pyimport("checkups.instant").handle;
  self.postMessage({ type: "ready", seconds: (performance.now() - began) / 1000 });
  return { pyodide, handle };
}

async function call(message) {
  const { pyodide, handle } = await started;
  if (message.needs && message.needs.length) await pyodide.loadPackage(message.needs);
  const text = handle(JSON.stringify(message.request), message.data);
  return JSON.parse(text);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    started = boot(message.indexURL);
    started.catch((error) => self.postMessage({ type: "failed", detail: String(error && error.stack || error) }));
    return;
  }
  if (message.type === "call") {
    let answer;
    try {
      answer = await call(message);
    } catch (error) {
      answer = { ok: false, errors: {}, message: null, debug: String(error && error.stack || error) };
    }
    self.postMessage({ type: "answer", id: message.id, answer });
  }
};
