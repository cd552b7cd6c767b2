"""Byte-compile what the browser imports at start (runs inside Pyodide under Node; stdlib only).

Pyodide's ``python_stdlib.zip`` and the PyPI wheels carry ``.py`` sources, so the browser
compiles every module it imports, at every start: about 5 of the kernel's 8 seconds of
imports on these machines. This runs the interpreter the browser will run (Pyodide's
CPython, via ``pycompile.mjs``), imports what the kernel and the check-ups import at start,
and rewrites the stdlib zip and the wheels with exactly those modules as sourceless
``.pyc`` files in place of their sources (as Pyodide's own package builds do). Everything
else stays as source: compiled modules are larger, and what is not imported at start
costs nothing to leave alone. The bytecode is made without column ranges (line numbers
stay; only a traceback's ^^^ marks go), which makes it about a fifth smaller. Test
packages (``tests``/``test`` folders) are left out of the wheels, as Pyodide unvendors them.

    main("/host/job.json")   # {"stdlib": [in, out], "wheels": [[in, out], ...], "imports": [...]}

Paths are inside the Pyodide file system; the host folder is mounted at ``/host``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
import py_compile
import sys
import zipfile

PYVER = f"{sys.version_info.major}.{sys.version_info.minor}"
SITE = f"/lib/python{PYVER}/site-packages/"
STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"
TEST_DIRS = {"tests", "test"}


def _pyc(source: bytes, dfile: str) -> bytes | None:
    """Sourceless bytecode for ``source``, or None if it does not compile."""
    src, out = "/tmp/_module.py", "/tmp/_module.pyc"
    with open(src, "wb") as f:
        f.write(source)
    try:
        py_compile.compile(
            src, cfile=out, dfile=dfile, doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
        )
    except py_compile.PyCompileError:
        return None
    with open(out, "rb") as f:
        return f.read()


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _is_test(name: str) -> bool:
    return any(part in TEST_DIRS for part in name.split("/")[1:-1])


def install(wheels: list[str]) -> None:
    """Unpack the wheels into site-packages, as Pyodide's loadPackage does."""
    for whl in wheels:
        with zipfile.ZipFile(whl) as z:
            z.extractall(SITE)
    importlib.invalidate_caches()


def started_modules(imports: list[str]) -> tuple[set[str], set[str]]:
    """Import ``imports``; the stdlib-zip and site-packages paths of every module loaded."""
    for name in imports:
        importlib.import_module(name)
    stdlib, site = set(), set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if path.startswith(STDLIB) and path.endswith(".py"):
            stdlib.add(path[len(STDLIB) :])
        elif path.startswith(SITE) and path.endswith(".py"):
            site.add(path[len(SITE) :])
    return stdlib, site


def rewrite_zip(src: str, dst: str, compile_names: set[str], prefix: str, wheel: bool) -> int:
    """Copy the zip ``src`` to ``dst`` with ``compile_names`` compiled; returns how many were."""
    compiled = 0
    records: list[str] = []
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        record = next((n for n in zin.namelist() if n.endswith(".dist-info/RECORD")), None) if wheel else None
        for info in zin.infolist():
            name = info.filename
            if name == record or "__pycache__/" in name or (wheel and _is_test(name)):
                continue
            data = zin.read(info)
            if name in compile_names:
                pyc = _pyc(data, prefix + name)
                if pyc is not None:
                    name, data = name + "c", pyc
                    compiled += 1
            zout.writestr(zipfile.ZipInfo(name, date_time=info.date_time), data, zipfile.ZIP_DEFLATED, 9)
            if record is not None and not name.endswith("/"):
                records.append(_record_line(name, data))
        if record is not None:
            records.append(f"{record},,")
            zout.writestr(record, "\n".join(records) + "\n", zipfile.ZIP_DEFLATED, 9)
    return compiled


def _check_no_debug_ranges() -> None:
    """Stop unless this interpreter compiles without column ranges (``pycompile.mjs`` asks for that)."""
    code = compile("x = 1", "<check>", "exec")
    if any(column is not None for _, _, column, _ in code.co_positions()):
        raise SystemExit("pycompile: PYTHONNODEBUGRANGES was not applied; the .pyc files would keep column ranges")


def main(job_path: str) -> None:
    _check_no_debug_ranges()
    with open(job_path) as f:
        job = json.load(f)
    install([src for src, _ in job["wheels"]])
    stdlib, site = started_modules(job["imports"])
    n = rewrite_zip(*job["stdlib"], stdlib, STDLIB, wheel=False)
    print(f"pycompile: python_stdlib.zip: {n} of its modules compiled", file=sys.__stdout__, flush=True)
    for src, dst in job["wheels"]:
        with zipfile.ZipFile(src) as z:
            names = set(z.namelist()) & site
        n = rewrite_zip(src, dst, names, SITE, wheel=True)
        print(f"pycompile: {src.rsplit('/', 1)[-1]}: {n} modules compiled", file=sys.__stdout__, flush=True)
