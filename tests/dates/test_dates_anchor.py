"""Anchor inference: published date, URL, dateline, caption + reporting weekday, none."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.article import Article
from sitrep.dates import DateStage, infer_anchor
from sitrep.dates.anchor import anchor_from_url, dateline_span, refine_with_reporting
from sitrep.nlp.sentences import SentenceStage

CAPTION_STORY = (
    "Troops guard a checkpoint near Maiduguri, Nigeria, June 14, 2018. PHOTO/Staff\n\n"
    "Nigerian soldiers repelled an attack on a base on Thursday, the army said {day}.\n"
)


@pytest.mark.parametrize(
    ("text", "published", "url", "expected", "source"),
    [
        (
            "Gunmen attacked a bus on Monday.",
            date(2017, 5, 3),
            "https://x.org/2011/01/01/a",
            date(2017, 5, 3),
            "published",
        ),
        (
            "Gunmen attacked a bus on Monday.",
            None,
            "https://news.example.com/world/2016/03/09/tunisia-raid/",
            date(2016, 3, 9),
            "url",
        ),
        (
            "Gunmen attacked a bus on Monday.",
            None,
            "https://example.com/africa-2019-08-17-kano",
            date(2019, 8, 17),
            "url",
        ),
        (
            "Gunmen attacked a bus on Monday.",
            None,
            "https://example.com/story/20190817/kano.html",
            date(2019, 8, 17),
            "url",
        ),
        (
            "KANO, Nigeria, Aug 17 (Agency) - Gunmen struck. On 16 August 2019 ...",
            None,
            None,
            date(2019, 8, 17),
            "dateline",
        ),
        (
            "XYZ-0042 (NOSC)\n\n   SAN MIGUEL, 4 JAN 90 -- [REPORT] TROOPS PATROLLED ...",
            None,
            None,
            date(1990, 1, 4),
            "dateline",
        ),
        (
            "LIMA, 12 FEB 91 (RADIO PANAMERICANA) -- [TEXT] POLICE REPORTED AN ATTACK.",
            None,
            None,
            date(1991, 2, 12),
            "dateline",
        ),
        (
            "TUNIS, March 9 (Wire) - Troops clashed with militants. The March 7, 2016 raid ...",
            None,
            None,
            date(2016, 3, 9),
            "dateline",
        ),
        (CAPTION_STORY.format(day="Friday"), None, None, date(2018, 6, 15), "text"),
        (CAPTION_STORY.format(day="on Thursday"), None, None, date(2018, 6, 14), "text"),
        (CAPTION_STORY.format(day="Tuesday"), None, None, date(2018, 6, 19), "text"),
        ("Protesters burned tyres on Monday, police said.", None, None, None, None),
    ],
)
def test_dates_infer_anchor(
    text: str, published: date | None, url: str | None, expected: date | None, source: str | None
) -> None:
    guess = infer_anchor(text, published, url)
    assert (guess.day, guess.source) == (expected, source)


@pytest.mark.parametrize(
    ("weekday_clause", "expected"),
    [
        ("the army said Wednesday", date(2016, 3, 9)),
        ("the army said Monday", date(2016, 3, 14)),
        ("the army said Tuesday", date(2016, 3, 8)),
        ("a spokesman told reporters on Thursday", date(2016, 3, 10)),
        ("officials said in a statement on Friday", date(2016, 3, 11)),
    ],
)
def test_dates_refine_with_reporting(weekday_clause: str, expected: date) -> None:
    assert (
        refine_with_reporting(f"Militants attacked barracks, {weekday_clause}.", date(2016, 3, 8))
        == expected
    )


@pytest.mark.parametrize("url", [None, "", "https://example.com/news/world-africa-35760911"])
def test_dates_url_without_date(url: str | None) -> None:
    assert anchor_from_url(url) is None


def _run(text: str, **kw: object) -> Article:
    article = Article("t", text, **kw)
    return DateStage()(SentenceStage()(article))


def test_dates_stage_caption_story() -> None:
    text = (
        "Police patrol a market in Mopti, Mali, October 2, 2019. PHOTO/Staff\n\n"
        "Gunmen killed nine villagers in an attack on Monday night, officials said Thursday. "
        "Clashes were continuing Thursday near the river, and talks will resume on Monday."
    )
    a = _run(text)
    assert (a.anchor, a.anchor_source) == (date(2019, 10, 3), "text")
    got = [(m.text, m.value, m.part_of_day) for m in a.dates]
    assert got == [
        ("October 2, 2019", "2019-10-02", None),
        ("Monday night", "2019-09-30", "night"),
        ("Thursday", "2019-10-03", None),
        ("Thursday", "2019-10-03", None),
        ("Monday", "2019-10-07", None),
    ]
    assert not a.diagnostics


def test_dates_stage_without_anchor() -> None:
    a = _run("Rebels overran a border post on Friday and attacked again yesterday.")
    assert a.anchor is None and a.dates == []
    codes = [d.code for d in a.diagnostics]
    assert codes[0] == "no-anchor" and codes.count("unresolved-relative-date") == 2


def test_dates_stage_published_wins() -> None:
    a = _run("KANO, Aug 17 (Agency) - Gunmen struck on Friday.", published=date(2019, 8, 18))
    assert a.anchor_source == "published"
    # the dateline's own date is the report's, not a mention: only Friday
    assert [m.value for m in a.dates] == ["2019-08-16"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/news/2016/jan/26/girl-shot-at-party/", date(2016, 1, 26)),
        ("https://example.com/local/tn-me-raid-20160223-story.html", date(2016, 2, 23)),
        ("https://example.com/2015/September/3/clashes", date(2015, 9, 3)),
        ("https://example.com/2016/foo/26/clashes", None),
    ],
)
def test_dates_url_forms(url: str, expected: date | None) -> None:
    assert anchor_from_url(url) == expected


def test_dates_reporting_majority_wins() -> None:
    text = ("The governor said Monday that troops were ready. Rebels attacked on Tuesday, "
            "the army said Wednesday. Police said Wednesday six died; medics said Wednesday "
            "more were hurt.")
    assert refine_with_reporting(text, date(2016, 3, 6)) == date(2016, 3, 9)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("GOMA, 12 June (Agency) - Gunmen attacked a camp.", "12 June"),
        ("BAMAKO, Mali, Oct. 3, 2019 (Wire) — Troops clashed with militants.", "Oct. 3, 2019"),
        ("Gunmen attacked a camp on 12 June, officials said.", None),
    ],
)
def test_dates_dateline_span(text: str, span: str | None) -> None:
    found = dateline_span(text)
    assert (text[found[0]:found[1]] if found else None) == span
