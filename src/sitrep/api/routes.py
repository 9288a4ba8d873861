"""The REST routes: articles in; events listed, read, corrected, reviewed; exports out."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..ingest.readers import make_article
from .errors import ApiError
from .intake import content_id, feed_date, fetch, ingest_articles, parse_feed, read_upload
from .repository import SORT_KEYS, STATUSES, EventFilters, Repository, Sort
from .security import require_read, require_write, who_of
from .settings import ApiSettings

__all__ = ["router"]

router = APIRouter()


def _repo(request: Request) -> Repository:
    return request.app.state.repository


def _settings(request: Request) -> ApiSettings:
    return request.app.state.settings


Repo = Annotated[Repository, Depends(_repo)]
Settings = Annotated[ApiSettings, Depends(_settings)]


# -- request bodies ------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleIn(_Strict):
    """One article: exactly one of ``text``, ``html`` or ``url``."""

    id: str | None = Field(None, max_length=200, description="default: a hash of the content")
    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=2000)
    published: date | None = Field(None, description="publication date: anchors relative dates")
    title: str | None = Field(None, max_length=500)
    source: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _one_content(self) -> ArticleIn:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class FeedIn(_Strict):
    """An RSS or Atom feed to read now."""

    url: str = Field(max_length=2000)
    limit: int = Field(20, ge=1, le=200)


class CorrectionIn(_Strict):
    """A correction: flat field names (see ``GET /fields``) to new values."""

    fields: dict[str, Any]
    who: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=2000)


class ReviewIn(_Strict):
    """A review decision."""

    action: Literal["accept", "reject", "restore"]
    who: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=2000)


# -- filters -------------------------------------------------------------------------------

def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values or [] for v in raw.split(",") if v.strip())


def event_filters(
    country: Annotated[list[str] | None, Query(description="ISO code or name; repeat or comma-separate")] = None,  # noqa: E501
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[date | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(description="last day, YYYY-MM-DD")] = None,
    type: Annotated[list[str] | None, Query(description="ACLED event or sub-event type")] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    min_fatalities: Annotated[int | None, Query(ge=0)] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the sources")] = None,
    status: Annotated[list[str] | None, Query(description="review status")] = None,
) -> EventFilters:
    """The filters of ``sitrep query`` from query parameters."""
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "date_from is after date_to",
                       details=[{"field": "date_from", "message": "after date_to"}])
    statuses = _split(status)
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise ApiError(422, f"unknown status {bad[0]!r}; one of {', '.join(STATUSES)}",
                       details=[{"field": "status", "message": "unknown status"}])
    return EventFilters(country=_split(country), admin1=admin1, date_from=date_from,
                        date_to=date_to, event_type=_split(type), actor=actor,
                        min_fatalities=min_fatalities, text=q, status=statuses)


Filters = Annotated[EventFilters, Depends(event_filters)]


def _sort(value: str) -> Sort:
    key = value.lstrip("-")
    if key not in SORT_KEYS:
        raise ApiError(422, f"cannot sort by {key!r}; one of {', '.join(SORT_KEYS)}",
                       details=[{"field": "sort", "message": "unknown sort key"}])
    return Sort(key, value.startswith("-"))


# -- routes --------------------------------------------------------------------------------

@router.get("/health", tags=["service"])
def health(repo: Repo) -> dict[str, Any]:
    """Liveness and the number of visible events."""
    return {"status": "ok", "events": repo.count(), "store": type(repo).__name__}


@router.post("/articles", status_code=201, tags=["articles"],
             dependencies=[Depends(require_write)])
def post_article(body: ArticleIn, repo: Repo, settings: Settings) -> dict[str, Any]:
    """Extract events from one article (text, HTML or a URL to fetch) and store them."""
    text, html, url = body.text, body.html, body.url
    if url:
        data, ctype = fetch(url, settings)
        decoded = data.decode("utf-8", errors="replace")
        html, text = (decoded, None) if "html" in ctype or "<" in decoded[:200] else (None,
                                                                                     decoded)
    art_id = body.id or (content_id("url", url) if url else
                         content_id("art", text or html or ""))
    article = make_article(id=art_id, text=text, html=html, published=body.published,
                           title=body.title, url=url, source=body.source)
    return {"articles": [asdict(a) for a in ingest_articles(repo, [article])]}


@router.post("/articles/upload", status_code=201, tags=["articles"],
             dependencies=[Depends(require_write)])
async def upload_articles(repo: Repo,
                          files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Extract events from uploaded .txt, .html or .jsonl files and store them."""
    articles = []
    for upload in files:
        articles.extend(read_upload(upload.filename or "upload.txt", await upload.read()))
    from starlette.concurrency import run_in_threadpool

    added = await run_in_threadpool(ingest_articles, repo, articles)
    return {"articles": [asdict(a) for a in added]}


@router.post("/feeds", status_code=201, tags=["articles"], dependencies=[Depends(require_write)])
def post_feed(body: FeedIn, repo: Repo, settings: Settings) -> dict[str, Any]:
    """Read an RSS or Atom feed now: each entry's content (or its page) is extracted."""
    data, _ = fetch(body.url, settings)
    articles = []
    for item in list(parse_feed(data))[:min(body.limit, settings.max_feed_items)]:
        html = item.html
        if (not html or len(html) < 500) and item.url:
            html = fetch(item.url, settings)[0].decode("utf-8", errors="replace")
        if not html:
            continue
        articles.append(make_article(id=content_id("feed", item.url or html), html=html,
                                     title=item.title, url=item.url,
                                     published=feed_date(item.published)))
    return {"articles": [asdict(a) for a in ingest_articles(repo, articles)]}


@router.get("/events", tags=["events"], dependencies=[Depends(require_read)])
def list_events(repo: Repo, settings: Settings, filters: Filters,
                sort: Annotated[str, Query(description="key, '-' for descending")] = "-date",
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                limit: Annotated[int, Query(ge=1)] = 50) -> dict[str, Any]:
    """A page of events (flat rows) matching the filters."""
    if limit > settings.max_page_size:
        raise ApiError(422, f"limit must be at most {settings.max_page_size}",
                       details=[{"field": "limit", "message": "too large"}])
    page = repo.list_events(filters, sort=_sort(sort), offset=offset, limit=limit)
    nxt = offset + limit if offset + limit < page.total else None
    return {"items": page.items, "total": page.total, "offset": offset, "limit": limit,
            "next_offset": nxt}


@router.get("/events/{event_id}", tags=["events"], dependencies=[Depends(require_read)])
def get_event(event_id: str, repo: Repo) -> dict[str, Any]:
    """An event with its evidence, source articles (text and spans) and revisions."""
    detail = repo.get_event(event_id)
    return {"event": detail.event, "extracted": detail.extracted, "sources": detail.sources,
            "revisions": [asdict(r) for r in detail.revisions]}


@router.patch("/events/{event_id}", tags=["events"], dependencies=[Depends(require_write)])
def correct_event(event_id: str, body: CorrectionIn, repo: Repo,
                  request: Request) -> dict[str, Any]:
    """Correct fields of an event; kept as a revision and never overwritten by extraction."""
    rev = repo.correct_event(event_id, body.fields, who=who_of(request, body.who),
                             note=body.note)
    return {"revision": asdict(rev), "event": repo.get_event(event_id).event}


@router.post("/events/{event_id}/review", tags=["events"],
             dependencies=[Depends(require_write)])
def review_event(event_id: str, body: ReviewIn, repo: Repo, request: Request) -> dict[str, Any]:
    """Accept, reject or restore an event."""
    rev = repo.review_event(event_id, body.action, who=who_of(request, body.who),
                            note=body.note)
    return {"revision": asdict(rev), "event": repo.get_event(event_id).event}


@router.delete("/events/{event_id}", tags=["events"], dependencies=[Depends(require_write)])
def delete_event(event_id: str, repo: Repo, request: Request) -> dict[str, Any]:
    """Soft-delete an event: hidden from listings and exports, kept with its history."""
    rev = repo.review_event(event_id, "delete", who=who_of(request, None))
    return {"revision": asdict(rev)}


@router.get("/stats", tags=["events"], dependencies=[Depends(require_read)])
def stats(repo: Repo, filters: Filters,
          bucket: Annotated[Literal["day", "week"], Query()] = "day") -> dict[str, Any]:
    """Events and fatalities per day or week, and counts per event type and country."""
    return asdict(repo.stats(filters, bucket=bucket))


@router.get("/fields", tags=["events"])
def editable_fields() -> dict[str, Any]:
    """The flat field names a correction may set, and ACLED's event types."""
    from ..nlp.lexicon import read_json
    from .corrections import EDITABLE_FIELDS

    return {"fields": list(EDITABLE_FIELDS), "acled_types": read_json("schema",
                                                                      "acled_types.json")}


_MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
          "parquet": "application/vnd.apache.parquet"}


def _export(fmt: Literal["csv", "geojson", "parquet"], repo: Repository,
            filters: EventFilters) -> Response:
    return Response(repo.export(fmt, filters), media_type=_MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/export.csv", tags=["export"], dependencies=[Depends(require_read)])
def export_csv(repo: Repo, filters: Filters) -> Response:
    """The filtered events as CSV (corrections applied)."""
    return _export("csv", repo, filters)


@router.get("/export.geojson", tags=["export"], dependencies=[Depends(require_read)])
def export_geojson(repo: Repo, filters: Filters) -> Response:
    """The filtered events as a GeoJSON FeatureCollection (corrections applied)."""
    return _export("geojson", repo, filters)


@router.get("/export.parquet", tags=["export"], dependencies=[Depends(require_read)])
def export_parquet(repo: Repo, filters: Filters) -> Response:
    """The filtered events as Parquet (corrections applied)."""
    return _export("parquet", repo, filters)
