"""quotes: multilingual quote extraction and attribution for news.

    >>> import quotes
    >>> table = quotes.extract("seeds/")          # pandas DataFrame, columns quotes.COLUMNS
    >>> quotes.extract_quotes("“Hello,” she said.")

Heavy libraries (torch, stanza, argostranslate) are imported only when a model is used, and
pandas only when a DataFrame is made: the command line starts without it.
"""

from quotes.batch import RunResult, extract, run, segments
from quotes.compare import compare
from quotes.documents import Document, read_documents
from quotes.pipeline import Options, extract_quotes
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
