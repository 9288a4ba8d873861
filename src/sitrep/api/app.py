"""The FastAPI application: REST routes, the dashboard's static files, bundled API docs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from .errors import install_error_handlers
from .memory import InMemoryRepository
from .repository import Repository
from .routes import router
from .security import BodySizeLimit
from .settings import ApiSettings

__all__ = ["STATIC_DIR", "create_app"]

STATIC_DIR = Path(str(resources.files("sitrep") / "web" / "static"))

_DOCS_FALLBACK = """<!doctype html><meta charset="utf-8"><title>sitrep API</title>
<p>The interactive docs need the <code>swagger-ui-bundle</code> Python package.
The OpenAPI document is at <a href="/openapi.json">/openapi.json</a>.</p>"""


def _swagger_dir() -> Path | None:
    """Swagger UI's files from the swagger-ui-bundle package (bundled: no CDN)."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    path = Path(swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def create_app(repository: Repository | None = None,
               settings: ApiSettings | None = None) -> FastAPI:
    """The web application over ``repository`` (in-memory when None)."""
    settings = settings or ApiSettings()
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Events of political violence extracted from news reports: "
                              "list, read, correct, review and export them.")
    app.state.repository = repository if repository is not None else InMemoryRepository()
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    swagger = _swagger_dir()
    if swagger is not None:
        app.mount("/docs-assets", StaticFiles(directory=swagger), name="docs-assets")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if swagger is None:
            return HTMLResponse(_DOCS_FALLBACK)
        return HTMLResponse((STATIC_DIR / "docs.html").read_text(encoding="utf-8"))

    @app.get("/config.json", include_in_schema=False)
    def config(request: Request) -> dict[str, Any]:
        s: ApiSettings = request.app.state.settings
        return {"tile_url": s.tile_url, "open_reads": s.open_reads,
                "writes_enabled": s.token is not None, "max_page_size": s.max_page_size,
                "version": __version__}

    return app
