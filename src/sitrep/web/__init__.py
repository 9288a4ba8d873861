"""The dashboard: hand-written static HTML, JS and CSS under ``static/`` (no CDN)."""
