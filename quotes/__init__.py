"""quotes: multilingual quote extraction and attribution for news.

    >>> import quotes
    >>> table = quotes.extract("seeds/")          # pandas DataFrame, columns quotes.COLUMNS
    >>> quotes.extract_quotes("“Hello,” she said.")

Heavy libraries (torch, stanza, argostranslate) are imported only when a model is used.
"""

from quotes.compare import compare
from quotes.documents import Document, read_documents
from quotes.pipeline import Options, RunResult, extract, extract_quotes, run, segments
from quotes.records import Quote
from quotes.segment import Segment
from quotes.table import COLUMNS, export

__all__ = [
    "COLUMNS",
    "Document",
    "Options",
    "Quote",
    "RunResult",
    "Segment",
    "compare",
    "export",
    "extract",
    "extract_quotes",
    "read_documents",
    "run",
    "segments",
]
__version__ = "0.1.0"
