"""Clean a text column of a Spark DataFrame with spamguard (needs the `spark` extra: pyspark, pandas, pyarrow).

    from spamguard.spark import clean_dataframe
    cleaned = clean_dataframe(df, "text")   # adds spamguard_text and spamguard_report

    cleaned = clean_dataframe(df, "text", corpus_memory=True)   # also judge lines by their repetition in df

The work runs in a pandas UDF. Each Python worker process builds its Cleaner once, lazily, on its first batch,
and keeps it for every later task it runs (Spark reuses Python workers by default), so the model is loaded once
per worker, not once per row or per task. pyspark is imported only here, and only when the function is called.

With corpus_memory=True the lines are first counted by Spark itself (`build_memory`): each document's distinct line
fingerprints are counted over the executors, and only those held by two documents or more come to the driver
(a line in one document is judged as a line in none), never all the lines. The memory made of them is broadcast
to the executors, where each worker process builds its memory's Cleaner once.
"""
# No `from __future__ import annotations` here: pyspark reads the UDF's type hints at run time, and the UDF's
# hints name pandas, which is imported only inside clean_dataframe.
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from . import Cleaner, Result, clean
from .evidence.memory import CorpusMemory, document_keys

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.broadcast import Broadcast
    from pyspark.sql import DataFrame

TEXT_COLUMN = "spamguard_text"
REPORT_COLUMN = "spamguard_report"
_BIT_63 = 1 << 63
_MASK_64 = (1 << 64) - 1


@lru_cache(maxsize=8)
def _worker_clean(model: "str | None", threshold: "float | None") -> "Callable[[str], Result]":
    """This process's clean function for these options, built on first use and kept for the process's life.

    The default options use `spamguard.clean` itself (and its own once-per-process default cleaner), so the
    results are those of `spamguard.clean` by construction.
    """
    if model is None and threshold is None:
        return clean
    return Cleaner(model=model, threshold=threshold).clean


# This process's cleaner with a broadcast corpus memory: (the memory's token, its clean function). Only the
# latest is kept, as a memory may be large.
_memory_clean: "tuple[str, Callable[[str], Result]] | None" = None


def _worker_memory_clean(model: "str | None", threshold: "float | None",
                         memory: "tuple[str, Broadcast]") -> "Callable[[str], Result]":
    """This process's clean function with the broadcast memory `memory` (a token naming it, the broadcast),
    built on first use and kept until another memory comes."""
    global _memory_clean
    token, broadcast = memory
    if _memory_clean is None or _memory_clean[0] != token:
        _memory_clean = token, Cleaner(model=model, threshold=threshold, memory=broadcast.value).clean
    return _memory_clean[1]


def _clean_column(texts: "Iterable[object]", model: "str | None", threshold: "float | None",
                  memory: "tuple[str, Broadcast] | None" = None) -> "tuple[list[str | None], list[str | None]]":
    """(sanitized texts, JSON reports) for one batch of a column; a null text gives null in both."""
    clean_one = _worker_clean(model, threshold) if memory is None else _worker_memory_clean(model, threshold, memory)
    cleaned: list[str | None] = []
    reports: list[str | None] = []
    for text in texts:
        if isinstance(text, str):
            result = clean_one(text)
            cleaned.append(result.text)
            reports.append(json.dumps(result.to_dict()))
        else:  # None or NaN: Spark nulls arrive as one of these in pandas
            cleaned.append(None)
            reports.append(None)
    return cleaned, reports


def _signed(key: int) -> int:
    """A 64-bit unsigned fingerprint as the signed value Spark's LongType holds (the same 64 bits)."""
    return key - (1 << 64) if key >= _BIT_63 else key


def _unsigned(value: int) -> int:
    """The fingerprint back from its LongType value (`_signed`'s inverse)."""
    return value & _MASK_64


def _fingerprints(texts: "Iterable[object]") -> "list[int]":
    """The distinct line fingerprints of each text of a batch (as `CorpusMemory.add` counts them), one text's
    after another, as LongType values; nulls give none."""
    return [_signed(key) for text in texts if isinstance(text, str) for key in document_keys(text.splitlines())]


def _check_column(df: "DataFrame", column: str) -> None:
    from pyspark.sql.types import StringType

    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[column].dataType, StringType):
        raise TypeError(f"column {column!r} must be a string column, not {df.schema[column].dataType.simpleString()}"
                        f"; cast it first, e.g. df.withColumn({column!r}, df[{column!r}].cast('string'))")


def build_memory(df: "DataFrame", column: str) -> CorpusMemory:
    """The corpus memory of the non-null texts of `column`, counted by Spark (two jobs, run now).

    Each document's distinct line fingerprints are counted over the executors (groupBy/count); only the
    fingerprints held by 2 or more documents are collected to the driver, never all the lines, with the number of
    non-null documents. The memory cleans exactly as one that counted every line (`CorpusMemory.add`) would.
    """
    import pandas as pd  # optional dependencies, imported on use
    from pyspark.sql import functions as F

    _check_column(df, column)
    texts = df.select(F.col(column).alias("text")).where(F.col("text").isNotNull())

    def keys_of(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            yield pd.DataFrame({"key": pd.Series(_fingerprints(batch["text"]), dtype="int64")})

    documents = texts.count()
    repeated = (texts.mapInPandas(keys_of, schema="key long").groupBy("key").count()
                .where(F.col("count") >= 2).collect())
    memory = CorpusMemory()
    memory.add_counts(((_unsigned(row["key"]), row["count"]) for row in repeated), documents)
    return memory


def clean_dataframe(df: "DataFrame", column: str, model: "str | os.PathLike[str] | None" = None,
                    threshold: "float | None" = None, corpus_memory: bool = False) -> "DataFrame":
    """`df` with two more string columns: `spamguard_text` (the sanitized text of `column`) and
    `spamguard_report` (`json.dumps(result.to_dict())`); both are null where `column` is null.

    `model` and `threshold` are passed to `spamguard.Cleaner`; a model directory must exist at the same path on
    every worker. The options are checked on the driver first, so a bad model path fails here, not in a task.
    Existing columns with those two names are replaced.

    corpus_memory: True judges each text with a corpus memory of the column's non-null texts, as
    `Cleaner.clean_many(texts, corpus_memory=True)` does: the lines are counted now, by Spark (`build_memory`:
    only the fingerprints of lines held by 2 or more documents are collected to the driver, never all lines),
    and the memory is broadcast to the executors. `df` is then read three times (count, fingerprints,
    cleaning): cache it first if it is costly to compute.
    """
    import pandas as pd  # optional dependencies, imported on use
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    _check_column(df, column)
    model = None if model is None else os.path.abspath(os.fspath(model))
    _worker_clean(model, threshold)  # validate the options (and fail early) on the driver
    memory: tuple[str, Broadcast] | None = None
    if corpus_memory:
        memory = uuid.uuid4().hex, df.sparkSession.sparkContext.broadcast(build_memory(df, column))

    def clean_batches(batches: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        for texts in batches:
            cleaned, reports = _clean_column(texts, model, threshold, memory)
            yield pd.DataFrame({TEXT_COLUMN: cleaned, REPORT_COLUMN: reports}, index=texts.index, dtype=object)

    schema = StructType([StructField(TEXT_COLUMN, StringType()), StructField(REPORT_COLUMN, StringType())])
    struct_column = "__spamguard_result"
    while struct_column in df.columns:
        struct_column += "_"
    udf = F.pandas_udf(clean_batches, returnType=schema)
    return (df.withColumn(struct_column, udf(F.col(column)))
              .withColumn(TEXT_COLUMN, F.col(f"{struct_column}.{TEXT_COLUMN}"))
              .withColumn(REPORT_COLUMN, F.col(f"{struct_column}.{REPORT_COLUMN}"))
              .drop(struct_column))
