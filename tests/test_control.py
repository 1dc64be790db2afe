"""Combining claims into district statuses: latest wins, conflict, window, sources."""

from datetime import date

from geomap.control import assess, timeline
from geomap.extract.articles import article_from_text
from geomap.records import Claim, Place
from geomap.syndication import syndication_groups

KOHSAN = Place(
    mention="Islam Qala",
    start=0,
    end=10,
    name="Islam Qala",
    kind="border-crossing",
    lat=34.66,
    lon=61.07,
    country="AF",
    district="Kohsan",
    district_pcode="AF3213",
    province="Hirat",
    province_pcode="AF32",
)
HERAT = Place(
    mention="Herat province",
    start=0,
    end=14,
    name="Hirat",
    kind="province",
    lat=34.2,
    lon=62.0,
    country="AF",
    province="Hirat",
    province_pcode="AF32",
)


def claim(status, day, by="reporter", article="a", place=KOHSAN, confidence=0.8):
    return Claim(
        place,
        status,
        by,
        date(2021, 7, day) if day else None,
        f"{status} {day}",
        0,
        10,
        confidence,
        article,
    )


def status_of(claims, **kwargs):
    return {s.pcode: s for s in assess(claims, **kwargs)}


def test_latest_evidence_wins():
    s = status_of([claim("government", 1, article="a"), claim("taliban", 20, article="b")])
    assert s["AF3213"].status == "taliban"
    assert s["AF3213"].latest == date(2021, 7, 20)


def test_opposing_claims_close_in_time_are_contested():
    s = status_of(
        [
            claim("taliban", 9, by="taliban", article="a"),
            claim("government", 10, by="government", article="b"),
        ]
    )
    assert s["AF3213"].status == "contested"


def test_window_is_configurable():
    claims = [claim("government", 1, article="a"), claim("taliban", 2, article="b")]
    assert status_of(claims, window_days=14)["AF3213"].status == "contested"
    assert status_of(claims, window_days=0)["AF3213"].status == "taliban"


def test_a_capture_then_a_recapture_is_a_sequence_not_a_dispute():
    sequence = [claim("taliban", 1, article="a"), claim("government", 8, article="b")]
    assert status_of(sequence)["AF3213"].status == "government"
    dispute = [claim("taliban", 7, article="a"), claim("government", 8, article="b")]
    assert status_of(dispute)["AF3213"].status == "contested"


def test_fighting_after_a_claim_makes_it_contested_but_a_later_outcome_settles_it():
    assert (
        status_of(
            [
                claim("taliban", 9, by="taliban", article="a"),
                claim("contested", 9, by="government", article="b"),
            ]
        )["AF3213"].status
        == "contested"
    )
    assert (
        status_of([claim("contested", 5, article="a"), claim("taliban", 9, article="b")])[
            "AF3213"
        ].status
        == "taliban"
    )


def test_a_claim_only_the_taliban_make_is_claimed_not_confirmed():
    assert status_of([claim("taliban", 9, by="taliban")])["AF3213"].status == "taliban-claimed"
    assert (
        status_of([claim("taliban", 9, by="taliban"), claim("taliban", 9, article="b")])[
            "AF3213"
        ].status
        == "taliban"
    )


def test_as_of_ignores_later_claims():
    claims = [claim("government", 1), claim("taliban", 20, article="b")]
    assert status_of(claims, as_of=date(2021, 7, 5))["AF3213"].status == "government"


def test_province_claims_stay_on_the_province():
    s = status_of([claim("taliban", 9, place=HERAT)])
    assert set(s) == {"AF32"}


def test_units_without_claims_have_no_reports():
    s = status_of(
        [claim("taliban", 9)], units={"AF3213": ("Kohsan", "Hirat"), "AF0302": ("Bagram", "Parwan")}
    )
    assert s["AF0302"].status == "no-reports" and s["AF3213"].name == "Kohsan"


def test_syndicated_copies_are_one_source():
    quote = (
        "All Afghan security forces including the border units are present in the area, "
        "and efforts are under way to recapture the site."
    )
    a = article_from_text(f"Story one. {quote}", published=date(2021, 7, 9))
    b = article_from_text(f"Story two, other words. {quote}", published=date(2021, 7, 9))
    c = article_from_text(
        "An unrelated report on something else entirely happening today.",
        published=date(2021, 7, 9),
    )
    groups = syndication_groups([a, b, c])
    assert groups[a.id] == groups[b.id] != groups[c.id]
    s = status_of(
        [claim("contested", 9, article=a.id), claim("contested", 9, article=b.id)], groups=groups
    )
    assert s["AF3213"].sources == 1


def test_timeline_lists_each_change():
    steps = timeline([claim("contested", 1), claim("taliban", 20, article="b")], window_days=5)
    assert [(d.day, m["AF3213"]) for d, m in steps] == [(1, "contested"), (20, "taliban")]


def test_seeds_kohsan_contested_and_imam_sahib_taliban(settings):
    from geomap.pipeline import assess_extractions, extract_paths
    from tests.conftest import SEEDS

    results, _ = extract_paths([SEEDS], settings, directories=True)
    s = {x.pcode: x for x in assess_extractions(results, settings=settings)}
    assert s["AF3213"].status == "contested"
    evidence = " ".join(c.evidence for c in s["AF3213"].claims)
    assert "under our full control" in evidence and "recapture" in evidence
    assert s["AF3101"].status == "contested"
    assert s["AF1905"].status in ("taliban", "taliban-claimed")
    assert s["AF1905"].latest.strftime("%Y-%m") == "2021-06"
    assert s["AF0302"].status == "no-reports"
    assert len(s) == 399


def test_a_shared_quotation_is_not_a_shared_story():
    quote = (
        "“The important border port has been fully captured by our fighters this morning,” "
        "a spokesman for the insurgents told reporters."
    )
    a = article_from_text(f"One outlet wrote its own report today. {quote}")
    b = article_from_text(f"Another outlet filed a different account this week. {quote}")
    groups = syndication_groups([a, b])
    assert groups[a.id] != groups[b.id]
