"""The notebooks, executed headless with nbclient against real knowledge bases.

Three knowledge bases, built once per session: the demo one (`thidua demo`, falling back to
`thidua ingest` of the bundled sample articles if the demo fails), one with a few hand-made
facts of every kind (so that the charts' data paths run even while an extractor finds
nothing), and an empty one (the notebooks must say "no data", never raise). Every cell
tagged `chart` must produce an `image/png`. The committed notebooks themselves are checked
too: no outputs, paired with their jupytext percent `.py`, a `parameters` cell reading
`THIDUA_DB`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
jupytext = pytest.importorskip("jupytext")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from thidua import kb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAMPLE = ROOT / "crawler" / "samplesites" / "articles.jsonl"
KERNEL = "thidua-test"
PARAMETERS_LINE = 'DB = os.environ.get("THIDUA_DB", "kb.sqlite")'


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"bloc_history", "award_outcomes", "meetings"}


# --- the committed files -------------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_and_paired(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "commit the notebook without outputs"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "THIDUA_DB" in first.source and "kb.sqlite" in first.source
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and PARAMETERS_LINE in params[0].source
    assert any("chart" in c.metadata.get("tags", []) for c in code)
    pair = path.with_suffix(".py")
    assert pair.exists(), f"{pair.name}: the jupytext pair is missing"
    text = jupytext.read(pair)
    assert [(c.cell_type, c.source) for c in text.cells] == [(c.cell_type, c.source) for c in nb.cells], \
        f"{path.name} and {pair.name} differ: run `jupytext --sync {pair.relative_to(ROOT)}`"


# --- knowledge bases -----------------------------------------------------------------------

def _thidua(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_DEBUG"}
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], capture_output=True, text=True,
                          env=env, timeout=180)


@pytest.fixture(scope="session")
def demo_kb(tmp_path_factory) -> Path:
    """`thidua demo`'s knowledge base; the sample articles ingested if the demo does not work."""
    path = tmp_path_factory.mktemp("demo") / "kb.sqlite"
    proc = _thidua("demo", "--db", str(path))
    if proc.returncode != 0 or not path.exists():
        warnings.warn(f"thidua demo failed ({proc.stderr.strip()[-200:]}); ingesting the sample articles",
                      stacklevel=1)
        path.unlink(missing_ok=True)
        proc = _thidua("ingest", str(SAMPLE), "--db", str(path))
        assert proc.returncode == 0, proc.stderr
    return path


TEXT = ("Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh tổng kết năm. Thanh tra tỉnh Bắc Ninh đã tiến hành "
        "128 cuộc thanh tra, thu hồi 43,6 tỷ đồng; tiếp 3.704 lượt công dân. Ký kết giao ước thi đua.")


def _figures(text: str, *items: tuple[str, float, str]) -> list[dict]:
    out = []
    for written, value, unit in items:
        start = text.index(written)
        out.append({"value": value, "unit": unit, "text": written, "start": start, "end": start + len(written)})
    return out


def _article(year: int, leader: str, next_leader: str, awards: list[dict], scale: int) -> dict:
    bloc = "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh"
    members = ["Thanh tra tỉnh Bắc Ninh", "Tòa án nhân dân tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh",
               "Viện Kiểm sát nhân dân tỉnh Bắc Ninh"]
    text = TEXT.replace("128", str(128 + scale)).replace("43,6", f"4{scale},6")
    return {
        "title": f"Khối thi đua Nội chính tỉnh Bắc Ninh tổng kết năm {year}", "published": f"{year}-11-21",
        "province": "Bắc Ninh", "text": text,
        "blocs": [{"name": bloc, "parent": "Ủy ban nhân dân tỉnh Bắc Ninh", "year": year, "members": members,
                   "member_count": 4, "leader": leader, "deputy_leaders": [],
                   "next_leader": {"agency": next_leader, "year": year + 1}}],
        "meetings": [{"kind": "tong_ket", "date": f"{year}-11-20", "location": "Thành phố Bắc Ninh", "bloc": bloc,
                      "period": f"năm {year}"},
                     {"kind": "ky_giao_uoc", "date": f"{year}-02-28", "location": None, "bloc": bloc,
                      "period": f"năm {year}"}],
        "awards": awards, "people": [], "documents": [], "agencies": members,
        "figures": _figures(text, (f"{128 + scale} cuộc thanh tra", 128 + scale, "cuộc thanh tra"),
                            (f"4{scale},6 tỷ đồng", (40 + scale + 0.6) * 1e9, "đồng"),
                            ("3.704 lượt công dân", 3704, "lượt công dân")),
    }


@pytest.fixture(scope="session")
def facts_kb(tmp_path_factory) -> Path:
    """Three years of one bloc with every kind of fact: the lead rotates, a proposal is conferred."""
    path = tmp_path_factory.mktemp("facts") / "kb.sqlite"
    db = kb.open_db(path, create=True)
    flag, ubnd = "Cờ thi đua của Chính phủ", "Cờ thi đua của Ủy ban nhân dân tỉnh"
    articles = [
        _article(2021, "Thanh tra tỉnh Bắc Ninh", "Tòa án nhân dân tỉnh Bắc Ninh", [
            {"award": flag, "recipient": "Thanh tra tỉnh Bắc Ninh", "year": 2021, "status": "proposed"}], 1),
        _article(2022, "Tòa án nhân dân tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh", [
            {"award": flag, "recipient": "Thanh tra tỉnh Bắc Ninh", "year": 2021, "status": "conferred"},
            {"award": flag, "recipient": "Công an tỉnh Bắc Ninh", "year": 2022, "status": "proposed"},
            {"award": ubnd, "recipient": "Tòa án nhân dân tỉnh Bắc Ninh", "year": 2022, "status": "registered"}], 2),
        _article(2023, "Viện Kiểm sát nhân dân tỉnh Bắc Ninh", "Thanh tra tỉnh Bắc Ninh", [
            {"award": ubnd, "recipient": "Công an tỉnh Bắc Ninh", "year": 2023, "status": "conferred"}], 3),
    ]
    for n, ex in enumerate(articles):
        kb.load_article(db, url=f"https://thanhtra.bacninh.gov.vn/tin/{n}", text=ex.pop("text"), extraction=ex)
    db.conn.close()
    return path


@pytest.fixture(scope="session")
def empty_kb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "kb.sqlite"
    kb.open_db(path, create=True).conn.close()
    return path


# --- execution -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def kernel_specs(tmp_path_factory) -> KernelSpecManager:
    """A kernelspec that runs this very interpreter (the one thidua is installed in), whatever
    `python3` kernels the machine has."""
    folder = tmp_path_factory.mktemp("kernels")
    spec = folder / KERNEL
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "thidua test", "language": "python"}), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(folder)])


def execute(path: Path, db: Path, kernel_specs: KernelSpecManager, workdir: Path):
    nb = nbformat.read(path, as_version=4)
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "THIDUA_DEBUG")}
    env["THIDUA_DB"] = str(db)
    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=kernel_specs)
    NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(workdir)}}).execute(env=env)
    return nb


def chart_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "chart" in c.metadata.get("tags", [])]


def text_output(nb) -> str:
    out = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            out.append(o.get("text", "") + o.get("data", {}).get("text/plain", ""))
    return "\n".join(out)


@pytest.mark.parametrize("kind", ["demo", "facts", "empty"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_draws_every_chart(path, kind, request, kernel_specs, tmp_path):
    db = request.getfixturevalue(f"{kind}_kb")
    nb = execute(path, db, kernel_specs, tmp_path)
    charts = chart_cells(nb)
    assert charts
    for cell in charts:
        pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, f"{path.name}: a chart cell drew {len(pngs)} images:\n{cell.source[:200]}"
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = text_output(nb)
    if kind == "facts":  # the numbers the hand-made facts imply
        expected = {
            "bloc_history": ["1 blocs, 3 bloc-years", "confirmed"],
            "award_outcomes": ["4 award outcomes", "1 of 2 proposals (50%) are reported conferred"],
            "meetings": ["6 meetings, 6 with a date", "Thanh tra tỉnh Bắc Ninh: 9 figures"],
        }[path.stem]
        for phrase in expected:
            assert phrase in text, f"{path.name}: {phrase!r} not in the output"
    if kind == "empty":
        assert "no " in text.lower()
