"""Quality gate: the extractor over the seeds and dev set must keep its per-field F1.

Floors live in tests/quality_floors.json; scoring follows shared/tools/score_extract.py
(tests/scoring.py). The articles and their gold are kept in tests/fixtures/devset, so the
gate runs wherever the suite runs (CI's clean clone included), like trafilatura's eval gate.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from scoring import accuracy, meeting_bloc_accuracy, score, year_accuracy

SHARED = Path(__file__).parent / "fixtures" / "devset"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def _pairs():
    from thidua.extract import extract_text

    pairs = []
    for txt in sorted((SHARED / "seeds").glob("*.txt")):
        gold = json.loads((SHARED / "gold" / f"{txt.stem}.json").read_text(encoding="utf-8"))
        pairs.append((gold, extract_text(txt.read_text(encoding="utf-8"))))
    for line in (SHARED / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        gold_path = SHARED / "dev" / "gold" / f"{d['id']}.json"
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((gold, extract_text(d["text"], url=d.get("url"), published=d.get("published"))))
    return pairs


@pytest.fixture(scope="module")
def pairs():
    return _pairs()


@pytest.fixture(scope="module")
def scores(pairs):
    return score(pairs)


@pytest.mark.parametrize("field", sorted(FLOORS["fields"]))
def test_field_floor(scores, field):
    per, _ = scores
    p, r, f = per[field]
    assert f >= FLOORS["fields"][field], f"{field}: F1 {f:.3f} (P {p:.3f} R {r:.3f}) under floor {FLOORS['fields'][field]}"


def test_micro_floor(scores):
    _, micro = scores
    assert micro >= FLOORS["micro_f1"], f"micro-F1 {micro:.3f} under floor {FLOORS['micro_f1']}"


@pytest.mark.parametrize("field", ["title", "published"])
def test_accuracy_floor(pairs, field):
    acc = accuracy(pairs, field)
    assert acc >= FLOORS["accuracy"][field], f"{field}: accuracy {acc:.3f} under floor {FLOORS['accuracy'][field]}"


def test_fact_years(pairs):
    """Blocs and awards carry the emulation year the knowledge base files them under."""
    acc = year_accuracy(pairs)
    assert acc >= FLOORS["accuracy"]["fact_years"], f"bloc/award years: accuracy {acc:.3f}"


def test_meeting_blocs(pairs):
    """Meetings are filed under the bloc that held them, not under a bloc mentioned in passing."""
    acc = meeting_bloc_accuracy(pairs)
    assert acc >= FLOORS["accuracy"]["meeting_blocs"], f"meeting blocs: accuracy {acc:.3f}"
