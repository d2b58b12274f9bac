"""Execute the notebooks against a knowledge base and save their charts as PNGs (for the README).

    python notebooks/render_images.py                      # builds a demo KB in a temp folder
    python notebooks/render_images.py --db kb.sqlite       # an existing knowledge base
    python notebooks/render_images.py --all --out /tmp/img # every chart, not only the first

Writes docs/img/<notebook>.png: the first chart of each notebook (`--all`: also
<notebook>-2.png, -3.png…). The notebooks run in a kernel of this very interpreter.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "crawler" / "samplesites" / "articles.jsonl"


def build_demo_kb(folder: Path) -> Path:
    """`thidua demo`'s knowledge base, or the bundled sample articles ingested if the demo fails."""
    path = folder / "kb.sqlite"
    proc = subprocess.run([sys.executable, "-m", "thidua.cli", "demo", "--db", str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"thidua demo failed, ingesting the sample articles: {proc.stderr.strip()[-200:]}", file=sys.stderr)
        path.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "thidua.cli", "ingest", str(SAMPLE), "--db", str(path)], check=True)
    return path


def kernel_manager(folder: Path) -> KernelManager:
    spec = folder / "kernels" / "thidua-render"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "thidua render", "language": "python"}), encoding="utf-8")
    return KernelManager(kernel_name="thidua-render",
                         kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(folder / "kernels")]))


def render(notebook: Path, db: Path, out: Path, folder: Path, every: bool) -> list[Path]:
    nb = nbformat.read(notebook, as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["THIDUA_DB"] = str(db)
    NotebookClient(nb, km=kernel_manager(folder), timeout=300,
                   resources={"metadata": {"path": str(folder)}}).execute(env=env)
    pngs = [o["data"]["image/png"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    written = []
    for n, png in enumerate(pngs if every else pngs[:1], start=1):
        path = out / (f"{notebook.stem}.png" if n == 1 else f"{notebook.stem}-{n}.png")
        path.write_bytes(base64.b64decode(png))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="knowledge base to read (default: build the demo one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNGs")
    parser.add_argument("--all", action="store_true", help="save every chart, not only the first")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-render-") as tmp:
        folder = Path(tmp)
        db = args.db.resolve() if args.db else build_demo_kb(folder)
        for notebook in args.notebooks or sorted(HERE.glob("*.ipynb")):
            for path in render(notebook, db, args.out, folder, args.all):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
