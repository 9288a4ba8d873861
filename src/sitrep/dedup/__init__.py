"""Cross-article work: events of different articles that report one incident.

- :mod:`.text`: an article's wording as a term vector; TF-IDF cosine.
- :mod:`.documents`: online clustering of articles into document incidents.
- :mod:`.incidents`: blocking, similarity and online clustering of events; reconciliation.
- :mod:`.merge`: :func:`merge_events` over a batch of articles.
"""

from .documents import DocumentClusterer, document_incidents, signature_of
from .incidents import Incident, IncidentIndex, Report, reconcile
from .merge import merge_events

__all__ = ["DocumentClusterer", "Incident", "IncidentIndex", "Report", "document_incidents",
           "merge_events", "reconcile", "signature_of"]
