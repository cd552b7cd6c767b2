"""Build the self-contained JupyterLite site (self-hosted Pyodide, local wheels only).

    python scripts/build_lite.py [--out site/lite]

Everything the browser loads is served from ``--out``: the Pyodide 314.0.6 core (npm
``pyodide``, ``lite/package.json``), the pure-Python wheels the kernel needs (from PyPI,
listed by Pyodide's lock file, which is rewritten and pruned to them), the ``checkups``
wheel built from this repository and the ipywidgets wheels (installed in a cell with
``%pip install``). Notebook sources ``lite/notebooks/*.py`` (jupytext percent format) become
``.ipynb`` files. Nothing is fetched from PyPI or a CDN by the browser.

The build tools (``lite/requirements.txt``) go into their own virtual environment in
``lite/.cache/venv``; downloads are kept in ``lite/.cache/`` and reused, so after the first
run the build works offline. Build directories (gitignored): ``lite/node_modules``,
``lite/.cache`` (also the generated notebooks), ``lite/static/pyodide``, ``lite/pypi``; the
build replaces ``--out`` as a whole.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import venv
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LITE = ROOT / "lite"
CACHE = LITE / ".cache"
VENV = CACHE / "venv"
WHEEL_CACHE = CACHE / "wheels"  # pip downloads, reused between builds
PYPI = LITE / "pypi"  # piplite wheels, indexed by the build (all.json)
STATIC_PYODIDE = LITE / "static" / "pyodide"  # picked up by the kernel's PyodideAddon
CONTENTS = CACHE / "contents"  # generated .ipynb files (LiteBuildConfig.contents)
NOTEBOOKS = LITE / "notebooks"
NODE_PYODIDE = LITE / "node_modules" / "pyodide"

PYODIDE_VERSION = "314.0.6"  # what jupyterlite-pyodide-kernel 0.8.6 expects (its constants.py)
PYODIDE_CORE = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
# what the kernel loads at start (micropip, then IPython and jedi), with their depends
PYODIDE_ROOTS = ["micropip", "ipython", "jedi"]
# installed in a notebook cell with %pip install; comm is not in Pyodide's lock.
# widgetsnbextension is not needed: the kernel ships a stub (4.0.999) that satisfies ipywidgets.
PIPLITE_WHEELS = ["ipywidgets==8.1.9", "jupyterlab_widgets==3.0.17", "comm==0.2.3"]
# reading .xlsx rosters (the package's optional xlsx extra, as requirements-dev.txt pins it): in the
# lock, loaded only when an .xlsx roster is audited (docs/javascripts/instant/worker.js)
PIPLITE_WHEELS += ["openpyxl==3.1.5", "et_xmlfile==2.0.0"]
# the only front-end extensions in the build (not whatever the build venv has installed)
LAB_EXTENSIONS = ["@jupyterlite/pyodide-kernel-extension", "@jupyter-widgets/jupyterlab-manager"]
# the kernel's own wheels (piplite, its ipykernel shim, the kernel, the widgets stub), from its extension
KERNEL_WHEELS = ["piplite", "ipykernel", "pyodide_kernel", "widgetsnbextension"]
# not for the kernel: jupyterlab_widgets only carries the front-end extension, which the build installs
NOT_PRELOADED = {"jupyterlab-widgets"}
# what the kernel and the check-ups import at start: compiled to bytecode by pycompile()
STARTUP_IMPORTS = ["micropip", "piplite.piplite", "pyodide_kernel", "ipywidgets", "checkups.ui", "checkups.instant"]
# pure-Python wheels for the Pyodide in the browser (CPython 3.14)
PIP_TARGET = ["--python-version", "3.14", "--platform", "any", "--implementation", "py", "--abi", "none"]


def log(msg: str) -> None:
    print(f"build_lite: {msg}", flush=True)


def run(cmd: list[str | os.PathLike], **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    """The build tools, pinned in lite/requirements.txt, in lite/.cache/venv (reinstalled when the pins change)."""
    reqs = LITE / "requirements.txt"
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(reqs.read_bytes()).hexdigest()
    py = venv_python()
    if py.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return py
    log(f"installing the build tools into {VENV.relative_to(ROOT)}")
    if not py.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", reqs])
    stamp.write_text(digest + "\n")
    return py


def ensure_node_pyodide() -> Path:
    """npm pyodide (lite/package.json, lite/package-lock.json) in lite/node_modules."""
    pkg = NODE_PYODIDE / "package.json"
    if not (pkg.exists() and json.loads(pkg.read_text())["version"] == PYODIDE_VERSION):
        npm = shutil.which("npm") or "npm"
        verb = "ci" if (LITE / "package-lock.json").exists() else "install"
        log(f"npm {verb} (pyodide {PYODIDE_VERSION})")
        # the tarballs stay in lite/.cache/npm, so a later npm ci works offline
        run([npm, verb, "--no-audit", "--no-fund", "--silent", "--prefer-offline", "--cache", CACHE / "npm"], cwd=LITE)
    version = json.loads(pkg.read_text())["version"]
    if version != PYODIDE_VERSION:
        sys.exit(f"build_lite: lite/node_modules has pyodide {version}, need {PYODIDE_VERSION}: fix lite/package.json")
    return NODE_PYODIDE


def canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def cached_wheel(name: str, version: str) -> Path | None:
    for whl in WHEEL_CACHE.glob("*.whl"):
        dist, ver = whl.name.split("-")[:2]
        if canon(dist) == canon(name) and ver == version:
            return whl
    return None


def ensure_wheels(py: Path, pins: list[tuple[str, str]]) -> dict[str, Path]:
    """Pure-Python wheels for CPython 3.14 from PyPI, downloaded once into lite/.cache/wheels."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    missing = [f"{n}=={v}" for n, v in pins if cached_wheel(n, v) is None]
    if missing:
        log(f"pip download {' '.join(missing)}")
        run(
            [py, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps", "--only-binary=:all:",
             *PIP_TARGET, "-d", WHEEL_CACHE, *missing]
        )  # fmt: skip
    found = {}
    for n, v in pins:
        whl = cached_wheel(n, v)
        if whl is None:
            sys.exit(f"build_lite: pip download gave no wheel for {n}=={v}")
        found[canon(n)] = whl
    return found


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def build_pypi(py: Path) -> list[Path]:
    """lite/pypi: the checkups wheel (built from this repository) and the ipywidgets wheels."""
    pins = [tuple(p.split("==")) for p in PIPLITE_WHEELS]
    wheels = list(ensure_wheels(py, pins).values())
    fresh_dir(PYPI)
    log("pip wheel checkups")
    run([py, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "-w", PYPI, ROOT])
    for whl in wheels:
        shutil.copy2(whl, PYPI / whl.name)
    return sorted(PYPI.glob("*.whl"))


def lock_closure(lock: dict, roots: list[str]) -> dict[str, dict]:
    """The entries of Pyodide's lock for ``roots`` and everything they depend on."""
    packages = {canon(k): v for k, v in lock["packages"].items()}
    keep: dict[str, dict] = {}
    todo = list(roots)
    while todo:
        name = canon(todo.pop())
        if name not in keep:
            keep[name] = packages[name]
            todo += packages[name]["depends"]
    return keep


def kernel_wheels(py: Path) -> list[Path]:
    """The wheels the kernel installs with piplite at start, shipped in its front-end extension."""
    prefix = subprocess.run([py, "-c", "import sys; print(sys.prefix)"], check=True, capture_output=True, text=True)
    pypi = Path(prefix.stdout.strip()) / "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension/static/pypi"
    found = [w for name in KERNEL_WHEELS for w in sorted(pypi.glob(f"{name}-*.whl"))[-1:]]
    if len(found) != len(KERNEL_WHEELS):
        sys.exit(f"build_lite: expected the wheels {KERNEL_WHEELS} in {pypi}")
    return found


def wheel_entry(whl: Path, provided: set[str]) -> dict:
    """A Pyodide lock entry for a pure-Python wheel: its imports and its requirements among ``provided``."""
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        meta = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    requires = [
        canon(re.split(r"[ ;<>=!~\[(]", line.split(":", 1)[1].strip())[0])
        for line in meta.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    tops = {n.split("/")[0] for n in names if "/" in n and not n.split("/")[0].endswith((".dist-info", ".data"))}
    tops |= {n[:-3] for n in names if "/" not in n and n.endswith(".py")}
    dist, version = whl.name.split("-")[:2]
    return {
        "name": canon(dist),
        "version": version,
        "file_name": whl.name,
        "install_dir": "site",
        "package_type": "package",
        "imports": sorted(tops),
        "depends": sorted(r for r in requires if r in provided),
        "unvendored_tests": False,
    }


def pycompile(core: Path, stdlib: Path, wheels: list[Path], out: Path) -> None:
    """Compile what starts with the kernel to .pyc (scripts/lite/pycompile.py, run by Pyodide in Node).

    The result is kept in lite/.cache/pycompile/<key>/, keyed by the inputs and the scripts.
    """
    inputs = [stdlib, *wheels]
    scripts = [ROOT / "scripts" / "lite" / n for n in ("pycompile.py", "pycompile.mjs")]
    key = hashlib.sha256(
        json.dumps([PYODIDE_VERSION, STARTUP_IMPORTS, [sha256(p) for p in scripts + inputs]]).encode()
    ).hexdigest()[:16]
    job_dir = CACHE / "pycompile" / key
    done = job_dir / "out" / ".done"
    if not done.exists():
        shutil.rmtree(CACHE / "pycompile", ignore_errors=True)  # one result kept
        (job_dir / "in").mkdir(parents=True)
        (job_dir / "out").mkdir()
        for src in inputs:
            shutil.copy2(src, job_dir / "in" / src.name)
        job = {
            "imports": STARTUP_IMPORTS,
            "stdlib": [f"/host/in/{stdlib.name}", f"/host/out/{stdlib.name}"],
            "wheels": [[f"/host/in/{w.name}", f"/host/out/{w.name}"] for w in wheels],
        }
        (job_dir / "job.json").write_text(json.dumps(job, indent=1))
        log(f"compiling what the kernel imports at start ({', '.join(STARTUP_IMPORTS)})")
        run([shutil.which("node") or "node", scripts[1], core, job_dir, "job.json"])
        shutil.rmtree(job_dir / "in")
        done.touch()
    for src in inputs:
        shutil.copy2(job_dir / "out" / src.name, out / src.name)


def build_pyodide(py: Path, out: Path = STATIC_PYODIDE, optimise: bool = True) -> Path:
    """Pyodide for the kernel: the npm core plus PyPI wheels, its lock rewritten and pruned.

    With ``optimise`` (the site's build) the lock also holds the kernel's own wheels, the
    widgets and ``checkups``, which jupyter-lite.json preloads in one step when Pyodide
    starts, and what they import at start is compiled to bytecode (``pycompile``). Without
    it, this is the stock self-hosted build that ../shared/notes/offline-jupyterlite.md
    records (the benchmark's baseline).
    """
    core = ensure_node_pyodide()
    lock = json.loads((core / "pyodide-lock.json").read_text())
    keep = lock_closure(lock, PYODIDE_ROOTS)
    found = ensure_wheels(py, [(p["name"], p["version"]) for p in keep.values()])
    wheels = {key: found[key] for key in keep}
    entries = {key: {**entry, "file_name": wheels[key].name} for key, entry in keep.items()}
    if optimise:
        extra = kernel_wheels(py) + sorted(PYPI.glob("*.whl"))
        extra = [w for w in extra if canon(w.name.split("-")[0]) not in NOT_PRELOADED]
        provided = set(entries) | {canon(w.name.split("-")[0]) for w in extra}
        for whl in extra:
            entry = wheel_entry(whl, provided)
            entries[entry["name"]] = entry
            wheels[entry["name"]] = whl

    out = fresh_dir(out)
    for name in PYODIDE_CORE:
        shutil.copy2(core / name, out / name)
    for whl in wheels.values():
        shutil.copy2(whl, out / whl.name)
    if optimise:
        pycompile(core, core / "python_stdlib.zip", list(wheels.values()), out)
    lock["packages"] = {key: {**entry, "sha256": sha256(out / entry["file_name"])} for key, entry in sorted(entries.items())}
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    log(f"pyodide {PYODIDE_VERSION}: core + {len(entries)} wheels ({', '.join(sorted(entries))})")
    return out


def build_contents(py: Path) -> list[Path]:
    """lite/.cache/contents: every lite/notebooks/*.py (jupytext percent format) as .ipynb,
    set to open with the Pyodide kernel."""
    fresh_dir(CONTENTS)
    sources = sorted(NOTEBOOKS.glob("*.py"))
    if sources:
        convert = (
            "import sys, jupytext\n"
            "out = sys.argv[1]\n"
            "for src in sys.argv[2:]:\n"
            "    nb = jupytext.read(src, fmt='py:percent')\n"
            "    nb.metadata['kernelspec'] = {'name': 'python', 'display_name': 'Python (Pyodide)', 'language': 'python'}\n"
            "    name = src.rsplit('/', 1)[-1][:-3] + '.ipynb'\n"
            "    jupytext.write(nb, out + '/' + name, fmt='ipynb')\n"
        )
        run([py, "-c", convert, CONTENTS.as_posix(), *(s.as_posix() for s in sources)])
    return sorted(CONTENTS.glob("*.ipynb"))


def jupyter_lite_build(py: Path, out: Path) -> None:
    """jupyter lite build with lite/jupyter_lite_config.json and lite/jupyter-lite.json."""
    labext = Path(
        subprocess.run(
            [py, "-c", "import sys; print(sys.prefix)"], check=True, capture_output=True, text=True
        ).stdout.strip()
    ) / "share" / "jupyter" / "labextensions"  # fmt: skip
    ext_args = []
    for name in LAB_EXTENSIONS:
        if not (labext / name / "package.json").exists():
            sys.exit(f"build_lite: the front-end extension {name} is not in {labext}")
        ext_args.append(f"--LiteBuildConfig.federated_extensions={labext / name}")
    doit_db = LITE / ".jupyterlite.doit.db"  # doit's task state: a full build every time
    doit_db.unlink(missing_ok=True)
    jupyter = py.parent / ("jupyter.exe" if os.name == "nt" else "jupyter")
    try:
        run([jupyter, "lite", "build", "--output-dir", out, *ext_args], cwd=LITE)
    finally:
        doit_db.unlink(missing_ok=True)


def favicon_png(size: int = 32, rgb: tuple[int, int, int] = (0x1D, 0x4F, 0x7A)) -> bytes:
    """A small square icon in the site's primary colour (lite/jupyter-lite.json's faviconUrl):
    the apps' stock favicon.ico is 319 KB, loaded with every check-up."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def clear_out(out: Path) -> None:
    """Remove a previous build at --out, but nothing that does not look like one."""
    if out.exists():
        if any(out.iterdir()) and not (out / "jupyter-lite.json").exists():
            sys.exit(f"build_lite: {out} exists and is not a JupyterLite build; not overwriting it")
        shutil.rmtree(out)


def check_output(out: Path) -> None:
    """Fail the build if it would load anything from elsewhere."""
    problems = []
    maps = [p for p in out.rglob("*.map")]
    if maps:
        problems.append(f"{len(maps)} sourcemaps, e.g. {maps[0]}")
    for cfg in out.rglob("jupyter-lite.json"):
        data = json.loads(cfg.read_text())
        settings = data.get("jupyter-config-data", {}).get("litePluginSettings", {})
        kernel = settings.get("@jupyterlite/pyodide-kernel-extension:kernel", {})
        url = kernel.get("pyodideUrl")
        if url is not None and not url.startswith("./"):
            problems.append(f"{cfg}: pyodideUrl is {url}")
        if "cdn.jsdelivr" in cfg.read_text():
            problems.append(f"{cfg} names the CDN")
        preload = kernel.get("loadPyodideOptions", {}).get("packages", [])
        lock_path = out / "static" / "pyodide" / "pyodide-lock.json"
        lock = json.loads(lock_path.read_text())["packages"] if lock_path.exists() else {}
        problems += [f"{cfg} preloads {name}, which is not in pyodide-lock.json" for name in preload if canon(name) not in lock]
    if not (out / "static" / "pyodide" / "pyodide.mjs").exists():
        problems.append("no static/pyodide/pyodide.mjs")
    if not list((out / "pypi").glob("checkups-*.whl")):
        problems.append("no checkups wheel in pypi/")
    if problems:
        sys.exit("build_lite: the build is not self-contained:\n  " + "\n  ".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "site" / "lite"), help="output directory (default: site/lite)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    start = time.monotonic()

    py = ensure_venv()
    wheels = build_pypi(py)
    log(f"piplite wheels: {', '.join(w.name for w in wheels)}")
    build_pyodide(py)
    notebooks = build_contents(py)
    log(f"notebooks: {', '.join(n.name for n in notebooks) or '(none)'}")
    clear_out(out)
    jupyter_lite_build(py, out)
    (out / "favicon.png").write_bytes(favicon_png())
    check_output(out)

    files = [p for p in out.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    log(f"built {out} in {time.monotonic() - start:.0f} s: {size / 1e6:.1f} MB in {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
