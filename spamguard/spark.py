"""Clean a text column of a Spark DataFrame with spamguard (needs the `spark` extra: pyspark, pandas, pyarrow).

    from spamguard.spark import clean_dataframe
    cleaned = clean_dataframe(df, "text")   # adds spamguard_text and spamguard_report

The work runs in a pandas UDF. Each Python worker process builds its Cleaner once, lazily, on its first batch,
and keeps it for every later task it runs (Spark reuses Python workers by default), so the model is loaded once
per worker, not once per row or per task. pyspark is imported only here, and only when the function is called.
"""
# No `from __future__ import annotations` here: pyspark reads the UDF's type hints at run time, and the UDF's
# hints name pandas, which is imported only inside clean_dataframe.
import json
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from . import Cleaner, Result, clean

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

TEXT_COLUMN = "spamguard_text"
REPORT_COLUMN = "spamguard_report"


@lru_cache(maxsize=8)
def _worker_clean(model: "str | None", threshold: "float | None") -> "Callable[[str], Result]":
    """This process's clean function for these options, built on first use and kept for the process's life.

    The default options use `spamguard.clean` itself (and its own once-per-process default cleaner), so the
    results are those of `spamguard.clean` by construction.
    """
    if model is None and threshold is None:
        return clean
    return Cleaner(model=model, threshold=threshold).clean


def _clean_column(texts: "Iterable[object]", model: "str | None",
                  threshold: "float | None") -> "tuple[list[str | None], list[str | None]]":
    """(sanitized texts, JSON reports) for one batch of a column; a null text gives null in both."""
    clean_one = _worker_clean(model, threshold)
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


def clean_dataframe(df: "DataFrame", column: str, model: "str | os.PathLike[str] | None" = None,
                    threshold: "float | None" = None) -> "DataFrame":
    """`df` with two more string columns: `spamguard_text` (the sanitized text of `column`) and
    `spamguard_report` (`json.dumps(result.to_dict())`); both are null where `column` is null.

    `model` and `threshold` are passed to `spamguard.Cleaner`; a model directory must exist at the same path on
    every worker. The options are checked on the driver first, so a bad model path fails here, not in a task.
    Existing columns with those two names are replaced.
    """
    import pandas as pd  # optional dependencies, imported on use
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[column].dataType, StringType):
        raise TypeError(f"column {column!r} must be a string column, not {df.schema[column].dataType.simpleString()}"
                        f"; cast it first, e.g. df.withColumn({column!r}, df[{column!r}].cast('string'))")
    model = None if model is None else os.path.abspath(os.fspath(model))
    _worker_clean(model, threshold)  # validate the options (and fail early) on the driver

    def clean_batches(batches: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        for texts in batches:
            cleaned, reports = _clean_column(texts, model, threshold)
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
