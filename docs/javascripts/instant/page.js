// The instant check-ups' page glue (acts only on a page with a .checkup-instant block).
// The form is plain HTML made at build time (scripts/sitegen/instant.py); this script
// starts the Python worker at once, sends what is entered, and shows the HTML the package
// returns (checkups.instant): no rule logic and no wording here — the words of the
// progress line and the storage messages come from the page (.checkup-words).
// It also keeps the answers in this browser's storage (the notebooks' checkups-<kind>/1
// format), exports, imports and clears them. Nothing is sent to any server.
// A kind other than company, roster and calculators (the programme tools) sends its
// answers to the worker operation of its own name; its form may have no region or date,
// checkboxes sharing a name give the list of their values, the URL's query fills fields
// (?areas=a,b), and a result's [data-download] buttons fetch its other files.
(function () {
  "use strict";
  var box = document.querySelector(".checkup-instant");
  if (!box) return;
  var form = box.querySelector("form.checkup-form");
  var kind = form.getAttribute("data-checkup");
  var words = JSON.parse(box.querySelector(".checkup-words").textContent);
  var status = box.querySelector(".checkup-status");
  var result = box.querySelector(".checkup-result");
  var message = box.querySelector(".checkup-message");
  var report = box.querySelector(".checkup-report");
  var root = new URL(box.getAttribute("data-root"), location.href).href;
  var format = "checkups-" + box.getAttribute("data-storage") + "/1";
  var lang = form.lang.indexOf("zh") === 0 ? "zh" : "en";
  var SETTINGS = ["province", "city", "as_of", "calculator", "file"];
  var OPS = { roster: "audit", "early-warning": "warn", portfolio: "portfolio", bureau: "bureau" };  // the worker's operation for a file form
  var ready = false, failed = false, calls = 0, pending = {}, restoredFile = null, reportURL = null;
  // a programme tool without a file form of its own (OPS): the worker op named after it
  var generic = ["company", "roster", "calculators"].indexOf(kind) < 0 && !OPS.hasOwnProperty(kind);

  // --- the worker ---------------------------------------------------------------------
  var began = performance.now();
  function say(text, cls) {
    status.textContent = text;
    status.className = "checkup-status" + (cls ? " " + cls : "");
  }
  say(words.loading);
  var worker;
  try {
    worker = new Worker(root + "javascripts/instant/worker.js", { type: "module" });
    worker.onmessage = function (event) {
      var m = event.data;
      if (m.type === "progress") say(words[m.stage] || words.loading);
      else if (m.type === "ready") {
        ready = true;
        say(words.ready + " (" + ((performance.now() - began) / 1000).toFixed(1) + " s)", "checkup-ready");
        status.setAttribute("data-ready", "true");
        status.setAttribute("data-ready-at", Math.round(performance.now()));  // ms since navigation (scripts/bench_instant.py)
        if (kind === "company") skip();
      } else if (m.type === "failed") fail(m.detail);
      else if (m.type === "answer" && pending[m.id]) { pending[m.id](m.answer); delete pending[m.id]; }
    };
    worker.onerror = function (event) { fail(event.message); };
    worker.postMessage({ type: "boot", indexURL: root + "lite/static/pyodide/" });
  } catch (error) { fail(String(error)); }

  function fail(detail) {
    failed = true;
    say(words.failed, "checkup-failed");
    if (window.console) console.error("checkups worker:", detail);
    Object.keys(pending).forEach(function (id) { pending[id]({ ok: false, errors: {}, message: words.failed }); });
    pending = {};
  }

  function ask(op, args, data, needs) {
    return new Promise(function (resolve) {
      if (failed) return resolve({ ok: false, errors: {}, message: words.failed });
      var id = ++calls;
      pending[id] = resolve;
      args.lang = lang;
      var msg = { type: "call", id: id, request: { op: op, args: args }, data: data, needs: needs };
      worker.postMessage(msg, data ? [data.buffer] : []);
    });
  }

  // --- the settings at the top --------------------------------------------------------
  var province = form.elements.province, city = form.elements.city;
  var asOf = form.elements.as_of || { value: "" };
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function narrow() {
    if (!city) return;
    city.querySelectorAll("optgroup").forEach(function (g) {
      var off = province.value !== "national" && g.getAttribute("data-province") !== province.value;
      g.hidden = off;
      g.disabled = off;
    });
    var chosen = city.selectedOptions[0];
    if (chosen && chosen.parentNode.disabled) city.value = "";
  }
  function region() { return (city && city.value) || (province && province.value) || "national"; }
  function setRegion(value) {
    if (!city) return;
    var option = city.querySelector('option[value="' + CSS.escape(value || "") + '"]');
    if (option && value) { province.value = option.parentNode.getAttribute("data-province"); narrow(); city.value = value; }
    else if (province.querySelector('option[value="' + CSS.escape(value || "") + '"]')) { province.value = value; narrow(); city.value = ""; }
  }
  if (province) province.addEventListener("change", function () { narrow(); changed(); });
  if (city) city.addEventListener("change", function () {
    var option = city.selectedOptions[0];
    if (option && option.parentNode.tagName === "OPTGROUP") province.value = option.parentNode.getAttribute("data-province");
    narrow();
    changed();
  });
  function resetDate() { if (form.elements.as_of) asOf.value = today(); }
  if (!asOf.value) resetDate();
  narrow();

  // --- what is entered ----------------------------------------------------------------
  function answers(prefix) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SETTINGS.indexOf(el.name) >= 0 || el.type === "file" || el.tagName === "BUTTON") return;
      if (prefix !== undefined && el.name.indexOf(prefix + ".") !== 0) return;
      var name = prefix !== undefined ? el.name.slice(prefix.length + 1) : el.name;
      if (el.type === "radio") { if (el.checked && el.value) out[name] = el.value === "true" ? true : el.value === "false" ? false : el.value; }
      else if (el.type === "checkbox" && generic) { if (el.checked) (out[name] = out[name] || []).push(el.value); }
      else if (el.type === "checkbox") { if (el.checked) out[name] = true; }
      else if (el.tagName === "SELECT") { if (el.value !== el.querySelector("option[selected]")?.value) out[name] = el.value; }
      else if (el.value.trim()) out[name] = el.value.trim();
    });
    return out;
  }
  function put(values, prefix) {
    Object.keys(values || {}).forEach(function (key) {
      var name = prefix ? prefix + "." + key : key, value = values[key];
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (el) {
        if (el.type === "radio") el.checked = String(value) === el.value;
        else if (el.type === "checkbox" && Array.isArray(value)) el.checked = value.indexOf(el.value) >= 0;
        else if (el.type === "checkbox") el.checked = value === true || value === "true";
        else el.value = value === null || value === undefined ? "" : String(value);
      });
    });
  }

  // --- results and messages -----------------------------------------------------------
  function clearErrors() {
    form.querySelectorAll(".checkup-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }
  function show(answer, place) {
    clearErrors();
    if (place) place.after(result);
    if (answer.debug && window.console) console.error(answer.debug);
    result.checkupAnswer = answer;
    result.setAttribute("data-shown-at", Math.round(performance.now()));
    if (answer.ok) {
      result.innerHTML = answer.html;
      result.setAttribute("data-result", "ready");
      if (reportURL) URL.revokeObjectURL(reportURL);
      reportURL = null;  // the printable report stays in the worker until it is asked for
      report.hidden = false;
      result.after(report);
      return;
    }
    var first = null, loose = [];
    Object.keys(answer.errors || {}).forEach(function (key) {
      var wrap = form.querySelector('[data-field="' + CSS.escape(key) + '"]');
      if (!wrap) { loose.push(answer.errors[key]); return; }
      var line = wrap.querySelector(".checkup-error");
      line.textContent = answer.errors[key];
      line.hidden = false;
      wrap.querySelectorAll("input, select").forEach(function (el) { el.setAttribute("aria-invalid", "true"); });
      first = first || wrap.querySelector("input, select");
    });
    result.innerHTML = "";
    [answer.message || (failed ? words.failed : words.error)].concat(loose).forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      result.appendChild(p);
    });
    result.setAttribute("data-result", "error");
    report.hidden = true;
    if (first) first.focus();
  }
  function working(text) {
    result.setAttribute("data-result", "working");
    if (!ready && !failed) say(words.queued);
    var t0 = performance.now();
    var timer = setInterval(function () {
      if (ready) say(text + " " + Math.round((performance.now() - t0) / 1000) + " s");
    }, 500);
    return function () { clearInterval(timer); if (ready) say(words.ready, "checkup-ready"); };
  }

  // --- the check-ups ------------------------------------------------------------------
  function base() { return { region: region(), as_of: asOf.value, site_root: box.getAttribute("data-links") }; }
  var fileInput = form.elements.file;
  function chosenFile() { return (fileInput && fileInput.files[0]) || restoredFile; }

  function run(submitter) {
    var args = base(), done;
    if (generic) {  // a programme tool: the worker op of the form's kind, with the file chosen, if any
      args.answers = answers();
      var chosen = chosenFile();
      done = working(chosen ? words.reading : words.working);
      if (!chosen) return ask(kind, args).then(function (a) { done(); show(a); offer(a); });
      args.filename = chosen.name;
      return chosen.arrayBuffer().then(function (buffer) {
        return ask(kind, args, new Uint8Array(buffer), /\.xlsx$/i.test(chosen.name) ? ["openpyxl"] : []);
      }).then(function (a) { done(); show(a); offer(a); });
    }
    if (kind === "company") {
      args.answers = answers();
      done = working(words.working);
      return ask("evaluate", args).then(function (a) { done(); show(a); });
    }
    if (kind === "calculators") {
      var name = submitter && submitter.value;
      if (!name) return Promise.resolve();
      args.name = name;
      args.values = answers(name);
      args.on = args.as_of;
      delete args.as_of;
      done = working(words.working);
      var place = form.querySelector('[data-calculator="' + CSS.escape(name) + '"]');
      return ask("calculate", args).then(function (a) { done(); show(a, place); });
    }
    var op = OPS[kind] || "audit";
    if (fileInput && fileInput.multiple) return runMany(op, args);
    var file = chosenFile();
    if (!file) { show({ ok: false, errors: { file: words.no_file }, message: words.no_file }); return Promise.resolve(); }
    args.filename = file.name;
    if (form.elements.min_wage) args.min_wage = form.elements.min_wage.value.trim();
    done = working(words.reading);
    return file.arrayBuffer().then(function (buffer) {
      var data = new Uint8Array(buffer);
      if (kind === "roster") keepRoster(file.name, data);
      return ask(op, args, data.slice(), /\.xlsx$/i.test(file.name) ? ["openpyxl"] : []);
    }).then(function (a) { done(); show(a); offer(a); });
  }
  // several files chosen at once: sent as one buffer, with each file's name and size in order
  function runMany(op, args) {
    var files = Array.prototype.slice.call(fileInput.files);
    if (!files.length) { show({ ok: false, errors: { file: words.no_file }, message: words.no_file }); return Promise.resolve(); }
    var done = working(words.reading);
    return Promise.all(files.map(function (f) { return f.arrayBuffer(); })).then(function (buffers) {
      var size = buffers.reduce(function (n, b) { return n + b.byteLength; }, 0), data = new Uint8Array(size), at = 0;
      buffers.forEach(function (b) { data.set(new Uint8Array(b), at); at += b.byteLength; });
      args.files = files.map(function (f, i) { return { name: f.name, size: buffers[i].byteLength }; });
      if (form.elements.agency) args.agency = form.elements.agency.value.trim();
      var xlsx = files.some(function (f) { return /\.xlsx$/i.test(f.name); });
      return ask(op, args, data, xlsx ? ["openpyxl"] : []);
    }).then(function (a) { done(); show(a); offer(a); });
  }
  // a file the answer carries (answer.download: filename, type, text, label) offered as a link after the result
  function offer(a) {
    if (!a.ok || !a.download) return;
    var link = document.createElement("a");
    link.className = "md-button checkup-download";
    link.download = a.download.filename;
    link.href = URL.createObjectURL(new Blob([a.download.text], { type: a.download.type }));
    link.textContent = a.download.label;
    var p = document.createElement("p");
    p.appendChild(link);
    result.appendChild(p);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.setAttribute("data-submitted-at", Math.round(performance.now()));
    run(event.submitter);
  });

  var skipping = 0;
  function skip() {
    var mine = ++skipping;
    ask("hidden", { region: region(), as_of: asOf.value }).then(function (a) {
      if (mine !== skipping || !a.ok) return;
      form.querySelectorAll(".checkup-rule").forEach(function (block) {
        var why = a.hidden[block.getAttribute("data-rule")];
        block.classList.toggle("checkup-off", !!why);
        var note = block.querySelector(".checkup-skip");
        note.textContent = why || "";
        note.hidden = !why;
      });
      form.setAttribute("data-skip", "applied");  // the questions that do not apply are greyed out (tests wait for it)
    });
  }

  // the printable report: fetched from the worker when asked for, then saved as a file
  function saveAs(url, filename) {
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  var reportName = "";
  result.addEventListener("click", function (event) {  // a result's other files (the .docx, the Markdown)
    var button = event.target.closest("[data-download]");
    if (!button) return;
    ask("report", { kind: kind, part: button.getAttribute("data-download") }).then(function (a) {
      if (!a.ok) return show(a);
      var body = a.base64 ? Uint8Array.from(atob(a.report), function (c) { return c.charCodeAt(0); }) : a.report;
      saveAs(URL.createObjectURL(new Blob([body], { type: a.mime || "application/octet-stream" })), a.filename);
    });
  });
  report.querySelector("button").addEventListener("click", function () {
    if (reportURL) return saveAs(reportURL, reportName);
    ask("report", { kind: kind }).then(function (a) {
      if (!a.ok) return show(a);
      reportURL = URL.createObjectURL(new Blob([a.report], { type: "text/html" }));
      reportName = a.filename;
      saveAs(reportURL, reportName);
    });
  });

  // --- storage, export, import, clear ---------------------------------------------------
  var saved = null;  // the roster kept with the settings: {name, content (base64)}
  function documentNow() {
    var settings = { region: region(), as_of: asOf.value };
    var doc = { format: format, answers: {}, settings: settings };
    if (kind === "company" || generic) doc.answers = answers();
    if (kind === "calculators") {
      form.querySelectorAll("[data-calculator]").forEach(function (s) {
        var name = s.getAttribute("data-calculator"), values = answers(name);
        if (Object.keys(values).length) doc.answers[name] = values;
      });
    }
    if (kind === "roster") {
      settings.min_wage = form.elements.min_wage.value;
      if (saved) doc.answers.roster = saved;
    }
    return doc;
  }
  function save() {
    try { localStorage.setItem(format, JSON.stringify(documentNow())); }
    catch (error) {
      saved = null;
      try { localStorage.setItem(format, JSON.stringify(documentNow())); message.textContent = words.too_big; } catch (e) { /* storage off */ }
    }
  }
  function keepRoster(name, data) {
    var text = "";
    for (var i = 0; i < data.length; i += 0x8000) text += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
    saved = { name: name, content: btoa(text) };
    save();
  }
  function apply(doc) {
    var s = doc.settings || {};
    if (s.region) setRegion(s.region);
    if (typeof s.as_of === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s.as_of)) asOf.value = s.as_of;
    if (kind === "company" || generic) put(doc.answers);
    if (kind === "calculators") Object.keys(doc.answers).forEach(function (name) { put(doc.answers[name], name); });
    if (kind === "roster") {
      if (typeof s.min_wage === "string") form.elements.min_wage.value = s.min_wage;
      var r = doc.answers.roster;
      if (r && typeof r.name === "string" && typeof r.content === "string") {
        try {
          var bytes = Uint8Array.from(atob(r.content), function (c) { return c.charCodeAt(0); });
          restoredFile = new File([bytes], r.name);
          saved = r;
          run();
        } catch (error) { restoredFile = null; }
      }
    }
  }
  function valid(doc) { return doc && doc.format === format && doc.answers && typeof doc.answers === "object"; }
  var changedTimer = null;
  function changed() {
    clearTimeout(changedTimer);
    changedTimer = setTimeout(save, 300);
    if (kind === "company" && ready) skip();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) {
    if (event.target === fileInput) restoredFile = null;
    if (event.target.getAttribute("data-action") !== "import") changed();
  });
  try {
    var stored = JSON.parse(localStorage.getItem(format) || "null");
    if (valid(stored)) apply(stored);
  } catch (error) { /* nothing saved, or storage off */ }
  if (generic) {  // fields named in the address (?areas=contracts,wages) replace what was kept, and are run
    var query = {}, asked = false;
    new URLSearchParams(location.search).forEach(function (value, key) {
      var el = form.querySelector('[name="' + CSS.escape(key) + '"]');
      if (!el) return;
      query[key] = el.type === "checkbox" ? value.split(",") : value;
      asked = true;
    });
    if (asked) {
      form.querySelectorAll('input[type="checkbox"]').forEach(function (el) { if (el.name in query) el.checked = false; });
      put(query);
      save();
      run();
    }
  }

  var tools = form.querySelector(".checkup-tools");
  tools.hidden = false;
  tools.querySelector('[data-action="export"]').addEventListener("click", function () {
    var blob = new Blob([JSON.stringify(documentNow(), null, 1)], { type: "application/json" });
    saveAs(URL.createObjectURL(blob), format.replace("/", "-") + ".json");
  });
  tools.querySelector('[data-action="import"]').addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var doc = null;
      try { doc = JSON.parse(text.replace(/^\uFEFF/, "")); } catch (error) { doc = null; }
      if (!valid(doc)) { message.textContent = words.bad_import; return; }
      form.reset();
      resetDate();
      narrow();
      apply(doc);
      save();
      message.textContent = words.imported;
    });
    event.target.value = "";
  });
  tools.querySelector('[data-action="clear"]').addEventListener("click", function () {
    form.reset();
    resetDate();
    narrow();
    saved = restoredFile = null;
    try { localStorage.removeItem(format); } catch (error) { /* storage off */ }
    clearErrors();
    result.innerHTML = "";
    result.removeAttribute("data-result");
    report.hidden = true;
    message.textContent = words.cleared;
    if (kind === "company" && ready) skip();
  });

  // --- a roster dropped on the page -------------------------------------------------------
  var drop = box.querySelector(".checkup-drop");
  if (drop && fileInput) {
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("checkup-over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("checkup-over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer.files.length) { fileInput.files = event.dataTransfer.files; restoredFile = null; run(); }
    });
  }
})();
