"""Turn input paths (txt, html, jsonl, directories, stdin) into :class:`Article` objects.

Bad input never stops a run: an article that cannot be read is yielded with ``error`` set,
so the output keeps one line per input article, in input order.
"""

from .readers import InputError, read_inputs, read_path

__all__ = ["InputError", "read_inputs", "read_path"]
