"""``python -m sitrep.eval`` = the scoreboard (:mod:`sitrep.eval.board`)."""

from .board import main

raise SystemExit(main())
