"""The development gold sets, registered under the names ``sitrep eval`` accepts."""

from ..base import register
from .acled_csv import AcledCSVSet
from .case2021 import CASE2021Set
from .geoparsing import GeoVirusSet, LGLSet
from .grouping import ECBPlusSet, GVCSet
from .gvdb import GVDBSet
from .ipe import IPESet
from .muc4 import Muc4KeysSet, Muc4Set
from .tempeval import TempEvalSet
from .wikievents import WikiEventsSet

__all__ = [
    "BUILTIN_SETS",
    "AcledCSVSet",
    "CASE2021Set",
    "ECBPlusSet",
    "GVCSet",
    "GVDBSet",
    "GeoVirusSet",
    "IPESet",
    "LGLSet",
    "Muc4KeysSet",
    "Muc4Set",
    "TempEvalSet",
    "WikiEventsSet",
]

BUILTIN_SETS = (Muc4Set, Muc4KeysSet, LGLSet, GeoVirusSet, TempEvalSet, GVDBSet, GVCSet,
                ECBPlusSet, IPESet, CASE2021Set, WikiEventsSet)

for _cls in BUILTIN_SETS:
    register(_cls, _cls.name)
