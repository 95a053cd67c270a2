"""spamguard.spark.clean_dataframe in a local Spark session gives exactly what spamguard.clean gives, and with
corpus_memory=True exactly what Cleaner.clean_many(texts, corpus_memory=True) gives."""
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
pytest.importorskip("pandas", reason="pandas is not installed (pip install -e '.[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime (run .ci/install_spark_deps.sh)", allow_module_level=True)

from site_pages import PROMO, STORIES, site_pages

import spamguard
from spamguard.spark import REPORT_COLUMN, TEXT_COLUMN, clean_dataframe

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")

DOCS = [
    SEED,
    None,
    "",
    "A short clean sentence about the weather in Paris.",
    "The court heard the case on Tuesday.\n\nporno izlePornotürk porno",
    "Line one of a story.\r\nLine two.\r\n\r\nShare this:\r\nFollow us on Twitter @example",
    "Türkçe bir haber metni.\nBugün hava güzel.\n\nhacklink satış",
    "   \n\n  ",
]


@pytest.fixture(scope="module")
def spark():
    # Workers must run the same interpreter (and so the same installed spamguard) as this test.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("spamguard-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _frame(spark, texts):
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    schema = StructType([StructField("id", IntegerType()), StructField("body", StringType())])
    return spark.createDataFrame(list(enumerate(texts)), schema).repartition(2)


def test_matches_clean_row_by_row_and_keeps_columns(spark):
    out = clean_dataframe(_frame(spark, DOCS), "body")
    assert out.columns == ["id", "body", TEXT_COLUMN, REPORT_COLUMN]
    rows = {row["id"]: row for row in out.collect()}
    assert sorted(rows) == list(range(len(DOCS)))
    for i, text in enumerate(DOCS):
        row = rows[i]
        assert row["body"] == text
        if text is None:
            assert row[TEXT_COLUMN] is None and row[REPORT_COLUMN] is None
            continue
        want = spamguard.clean(text)
        assert row[TEXT_COLUMN] == want.text, f"doc {i}"
        assert row[REPORT_COLUMN] == json.dumps(want.to_dict()), f"doc {i}"


def test_seed_is_cleaned_in_spark(spark):
    row = clean_dataframe(_frame(spark, [SEED]), "body").collect()[0]
    report = json.loads(row[REPORT_COLUMN])
    assert report["verdict"] == "cleaned"
    assert "porno" not in row[TEXT_COLUMN]
    assert row[TEXT_COLUMN] == spamguard.apply(SEED, spamguard.clean(SEED).flags)


def test_options_are_passed_to_the_cleaner(spark):
    texts = [t for t in DOCS if t is not None]
    try:
        cleaner = spamguard.Cleaner(threshold=0.99)
    except spamguard.ModelError as exc:
        pytest.skip(f"no shipped model to set a threshold on: {exc}")
    out = clean_dataframe(_frame(spark, texts), "body", threshold=0.99).orderBy("id").collect()
    assert [row[TEXT_COLUMN] for row in out] == [cleaner.clean(t).text for t in texts]


def test_each_worker_process_builds_its_cleaner_once(spark):
    from spamguard.spark import _clean_column, _worker_clean

    def clean_partition(rows):
        _clean_column([row["body"] for row in rows], None, None)
        yield os.getpid(), _worker_clean.cache_info().misses

    per_partition = _frame(spark, DOCS * 4).repartition(8).rdd.mapPartitions(clean_partition).collect()
    assert len(per_partition) == 8
    assert {misses for _, misses in per_partition} == {1}


def test_bad_model_directory_fails_on_the_driver(spark, tmp_path):
    with pytest.raises(spamguard.ModelError):
        clean_dataframe(_frame(spark, ["x"]), "body", model=tmp_path / "no-such-model")


def test_missing_column_is_a_clear_error(spark):
    with pytest.raises(ValueError, match="'text' is not in the DataFrame"):
        clean_dataframe(_frame(spark, ["x"]), "text")


def test_non_string_column_is_a_clear_error(spark):
    with pytest.raises(TypeError, match="must be a string column"):
        clean_dataframe(_frame(spark, ["x"]), "id")


# Seven pages of one site (different stories, its template line between two paragraphs), pages without it, a null.
SITE = site_pages(PROMO, pages=7)
CORPUS = [*SITE, None, f"{STORIES[2]}\n\n{STORIES[6]}", *DOCS]


def test_signed_longs_carry_every_64_bit_fingerprint(spark):
    from pyspark.sql.types import LongType, StructField, StructType

    from spamguard.spark import _signed, _unsigned

    keys = [0, 1, 2**63 - 1, 2**63, 2**63 + 12345, 2**64 - 1]
    frame = spark.createDataFrame([(_signed(k),) for k in keys], StructType([StructField("key", LongType())]))
    assert [_unsigned(row["key"]) for row in frame.collect()] == keys


def test_build_memory_holds_the_counts_of_two_documents_or_more(spark):
    from spamguard.evidence.memory import CorpusMemory
    from spamguard.spark import build_memory

    local = CorpusMemory()
    for text in CORPUS:
        if text is not None:
            local.add(text)
    memory = build_memory(_frame(spark, CORPUS).repartition(3), "body")
    assert memory.documents == local.documents == len(CORPUS) - 2  # the two nulls are not counted
    assert memory.table == {key: n for key, n in local.table.items() if n >= 2}
    assert min(memory.table) < 2**63 <= max(memory.table), "keys on both sides of 2**63 come back unchanged"


def test_corpus_memory_gives_what_clean_many_gives(spark):
    frame = _frame(spark, CORPUS).repartition(3)
    assert frame.rdd.getNumPartitions() == 3
    rows = {row["id"]: row for row in clean_dataframe(frame, "body", corpus_memory=True).collect()}
    texts = [text for text in CORPUS if text is not None]
    want = iter(spamguard.Cleaner().clean_many(texts, corpus_memory=True))
    for i, text in enumerate(CORPUS):
        row = rows[i]
        if text is None:
            assert row[TEXT_COLUMN] is None and row[REPORT_COLUMN] is None
            continue
        result = next(want)
        assert row[TEXT_COLUMN] == result.text, f"doc {i}"
        assert json.loads(row[REPORT_COLUMN]) == json.loads(json.dumps(result.to_dict())), f"doc {i}"
        assert json.loads(row[REPORT_COLUMN])["memory_documents"] == len(texts)
    for i in range(len(SITE)):
        assert PROMO in CORPUS[i] and PROMO not in rows[i][TEXT_COLUMN]
        assert json.loads(rows[i][REPORT_COLUMN])["flags"], f"doc {i}"


def test_without_corpus_memory_the_template_line_stays(spark):
    rows = clean_dataframe(_frame(spark, CORPUS).repartition(3), "body").collect()
    for row in rows:
        text = row["body"]
        if text is None:
            assert row[TEXT_COLUMN] is None
            continue
        want = spamguard.clean(text)
        assert row[TEXT_COLUMN] == want.text and row[REPORT_COLUMN] == json.dumps(want.to_dict())
        assert "memory_documents" not in json.loads(row[REPORT_COLUMN])
        assert (PROMO in text) == (PROMO in row[TEXT_COLUMN])
