"""Cross-article work: events of different articles that report one incident.

- :mod:`.text`: an article's wording as a term vector; TF-IDF cosine.
- :mod:`.documents`: online clustering of articles into document incidents.
- :mod:`.online`: the same, bounded and replayable, for the store (any size).
- :mod:`.incidents`: blocking, similarity and online clustering of events; reconciliation.
- :mod:`.merge`: :func:`merge_events` over a batch of articles.
"""

from .documents import DocumentClusterer, document_incidents, signature_of
from .incidents import Incident, IncidentIndex, Report, reconcile
from .merge import merge_events
from .online import OnlineDocuments

__all__ = ["DocumentClusterer", "Incident", "IncidentIndex", "Report", "document_incidents",
           "OnlineDocuments", "merge_events", "reconcile", "signature_of"]
