"""Scoring extraction against gold labels (the rule of ``shared/corpus/README.md``).

Places: Afghan places only (countries and regions are not scored). A gold province matches
a predicted province in the same province; any other gold place matches a predicted
non-province place in the same district, or else within 30 km. Claims are reduced to
distinct (place, status) pairs and matched the same way. Every match is one-to-one, cheapest
first. Precision = matched predictions / predictions; recall = matched gold / gold.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError

MATCH_KM = 30.0
UNSCORED_KINDS = ("country", "region")
# Spellings of province names that differ beyond punctuation (same list as the corpus rule).
_PROVINCE_SPELLINGS = {
    "herat": "hirat",
    "helmand": "hilmand",
    "jowzjan": "jawzjan",
    "oruzgan": "urozgan",
    "uruzgan": "urozgan",
    "sarpol": "sarepul",
    "saripul": "sarepul",
    "sarepol": "sarepul",
    "paktia": "paktya",
    "nimruz": "nimroz",
    "wardak": "maidanwardak",
    "maydanwardak": "maidanwardak",
    "konar": "kunar",
    "daikundi": "daykundi",
    "lowgar": "logar",
    "khowst": "khost",
    "panjshir": "panjsher",
    "bamiyan": "bamyan",
    "qandahar": "kandahar",
    "kondoz": "kunduz",
    "qunduz": "kunduz",
    "nangrahar": "nangarhar",
}


@dataclass
class Score:
    """Matched, predicted and gold counts, with precision, recall and F1."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        """Accumulate another score's counts."""
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """Matched predictions over predictions."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold over gold."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Rounded figures for reports."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class ArticleScore:
    """Place and claim scores for one gold article."""

    name: str
    places: Score
    claims: Score
    missed_places: list[str] = field(default_factory=list)
    false_places: list[str] = field(default_factory=list)
    missed_claims: list[str] = field(default_factory=list)
    false_claims: list[str] = field(default_factory=list)


def _province_key(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(province|district|city|wilayat)\b", " ", text)
    text = re.sub(r"[^a-z]", "", text)
    return _PROVINCE_SPELLINGS.get(text, text)


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    coords = (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon"))
    if any(v is None for v in coords):
        return math.inf
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in coords if v is not None)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_province(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("province_pcode") and pred.get("province_pcode"):
        return bool(gold["province_pcode"] == pred["province_pcode"])
    return _province_key(gold.get("province") or gold.get("name")) == _province_key(
        pred.get("province") or pred.get("name") or pred.get("place")
    )


def place_cost(gold: dict[str, Any], pred: dict[str, Any], claim: bool = False) -> float | None:
    """Cost of matching a gold place to a prediction, or None when they cannot match."""
    if gold.get("kind") == "province":
        if claim:
            on_province = not pred.get("district_pcode") or _province_key(
                pred.get("place")
            ) == _province_key(gold["name"])
            return 0.0 if on_province and _same_province(gold, pred) else None
        return 0.0 if pred.get("kind") == "province" and _same_province(gold, pred) else None
    if pred.get("kind") == "province" or (claim and not pred.get("district_pcode")):
        return None  # a province-wide place or claim never stands in for a district or town
    if gold.get("district_pcode") and gold.get("district_pcode") == pred.get("district_pcode"):
        return 0.0
    distance = _km(gold, pred)
    return 1.0 + distance if distance <= MATCH_KM else None


def match_count(
    golds: Sequence[dict[str, Any]],
    preds: Sequence[dict[str, Any]],
    cost: Callable[[dict[str, Any], dict[str, Any]], float | None],
) -> tuple[set[int], set[int]]:
    """Greedy one-to-one matching, cheapest pairs first; returns matched indices."""
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            c = cost(g, p)
            if c is not None:
                pairs.append((c, i, j))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _c, i, j in sorted(pairs):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return used_gold, used_pred


_ALPHA3 = {"AF": "AFG", "UA": "UKR"}


def _in_theatre(place: dict[str, Any], country: str = "AF") -> bool:
    """A predicted place counts when it lies in the theatre's country."""
    code = place.get("country")
    if code is not None:
        return str(code).upper() in (country, _ALPHA3.get(country, country))
    return bool(place.get("in_theatre", place.get("in_afghanistan", True)))


def _gold_in_theatre(place: dict[str, Any]) -> bool:
    return bool(place.get("in_theatre", place.get("in_afghanistan")))


def score_article(
    name: str, gold: dict[str, Any], pred: dict[str, Any], country: str = "AF"
) -> ArticleScore:
    """Score one article's prediction (``geomap extract`` JSON) against its gold labels."""
    gold_places = [
        g for g in gold["places"] if _gold_in_theatre(g) and g.get("kind") not in UNSCORED_KINDS
    ]
    pred_places: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for p in pred.get("places", []):
        ident = (p.get("name"), p.get("kind"), p.get("district_pcode"), p.get("province_pcode"))
        if _in_theatre(p, country) and p.get("kind") not in UNSCORED_KINDS and ident not in seen:
            seen.add(ident)
            pred_places.append(p)
    g_hit, p_hit = match_count(gold_places, pred_places, place_cost)
    by_name = {g["name"]: g for g in gold["places"]}
    gold_pairs, gold_seen = [], set()
    for c in gold["claims"]:
        g = by_name.get(c["place"])
        if (
            g
            and _gold_in_theatre(g)
            and g.get("kind") not in UNSCORED_KINDS
            and (c["place"], c["status"]) not in gold_seen
        ):
            gold_seen.add((c["place"], c["status"]))
            gold_pairs.append(dict(g, status=c["status"]))
    pred_pairs, pred_seen = [], set()
    for c in pred.get("claims", []):
        claim_ident = (c.get("place"), c.get("district_pcode"), c.get("status"))
        if claim_ident not in pred_seen:
            pred_seen.add(claim_ident)
            pred_pairs.append(c)

    def claim_cost(g: dict[str, Any], p: dict[str, Any]) -> float | None:
        return place_cost(g, p, claim=True) if g["status"] == p.get("status") else None

    cg_hit, cp_hit = match_count(gold_pairs, pred_pairs, claim_cost)
    return ArticleScore(
        name,
        Score(len(g_hit), len(pred_places), len(gold_places)),
        Score(len(cg_hit), len(pred_pairs), len(gold_pairs)),
        missed_places=[g["mention"] for i, g in enumerate(gold_places) if i not in g_hit],
        false_places=[
            f"{p['mention']} ({p['kind']})" for j, p in enumerate(pred_places) if j not in p_hit
        ],
        missed_claims=[
            f"{g['name']}={g['status']}" for i, g in enumerate(gold_pairs) if i not in cg_hit
        ],
        false_claims=[
            f"{p['place']}={p['status']}" for j, p in enumerate(pred_pairs) if j not in cp_hit
        ],
    )


def load_gold(gold_dir: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """Gold pairs in a folder: (stem, article path, labels)."""
    pairs = []
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        text_path = gold_path.with_name(stem + ".txt")
        try:
            labels = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            msg = f"{gold_path}: unreadable gold file ({err})"
            raise GeomapError(msg) from err
        pairs.append((stem, text_path, labels))
    if not pairs:
        msg = f"{gold_dir}: no *.gold.json files (see shared/corpus/README.md for the format)"
        raise GeomapError(msg)
    return pairs


def summary(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """Overall place and claim figures over many articles."""
    places, claims = Score(), Score()
    for s in scores:
        places.add(s.places)
        claims.add(s.claims)
    return {"places": places.to_dict(), "claims": claims.to_dict(), "articles": len(scores)}
