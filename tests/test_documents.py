from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from quotes.documents import InputError, read_documents


def test_txt_with_bom_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf\xe2\x80\x9cHi,\xe2\x80\x9d she said.")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,url,published,title\na.txt,Nippon,http://x,2026-01-02,T\n"
    )
    (doc,) = read_documents(tmp_path).documents
    assert doc.text.startswith("“Hi")
    assert (doc.doc_id, doc.outlet, doc.url, doc.published, doc.title) == (
        "a",
        "Nippon",
        "http://x",
        "2026-01-02",
        "T",
    )


def test_other_encodings_are_detected(tmp_path: Path) -> None:
    text = "Der Bürgermeister sagte, die Straße über den Fluss werde im März geöffnet. " * 3
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (doc,) = read_documents(tmp_path).documents
    assert "Bürgermeister" in doc.text and "Straße" in doc.text


def test_bad_documents_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("“Fine,” he said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"id": "r1", "text": "“Yes,” she said."})
        + "\n{broken\n"
        + json.dumps({"id": "r3"})
        + "\n",
        encoding="utf-8",
    )
    result = read_documents(tmp_path)
    assert sorted(d.doc_id for d in result.documents) == ["good", "r1"]
    reasons = {f.doc: f.reason for f in result.failures}
    assert "empty" in reasons[str(tmp_path / "empty.txt")]
    assert "not text" in reasons[str(tmp_path / "binary.txt")]
    assert "invalid JSON" in reasons["rows.jsonl:2"]
    assert "no 'text'" in reasons["rows.jsonl:3"]


def test_csv_and_parquet_tables(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"id": ["x", "y"], "text": ["“A,” he said.", "“B,” she said."], "outlet": ["O1", None]}
    )
    frame.to_csv(tmp_path / "t.csv", index=False)
    frame.to_parquet(tmp_path / "t.parquet")
    for name in ("t.csv", "t.parquet"):
        docs = read_documents(tmp_path / name).documents
        assert [(d.doc_id, d.outlet) for d in docs] == [("x", "O1"), ("y", None)]


def test_html_article_text_is_extracted(tmp_path: Path) -> None:
    body = " ".join(["The minister spoke to reporters after the meeting in the capital on Friday."] * 4)
    html = (
        "<html><head><title>Talks</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Talks</h1><p>{body}</p><p>“We made progress,” the minister said.</p></article>"
        "<footer>Copyright 2026</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (doc,) = read_documents(tmp_path).documents
    assert "“We made progress,” the minister said." in doc.text
    assert "Home | World" not in doc.text


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_documents(tmp_path / "nope")


def test_globs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text("Some text here.", encoding="utf-8")
    docs = read_documents(str(tmp_path / "*.txt")).documents
    assert [d.doc_id for d in docs] == ["a", "b"]


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_offsets_index_the_text_as_the_user_gave_it(tmp_path: Path, suffix: str) -> None:
    import unicodedata

    from quotes import extract

    decomposed = unicodedata.normalize("NFD", "José Pérez")  # 'e' + combining accent
    text = f"Intro line.\r\n\r\n“We will win this fight,” said {decomposed}.\r\n“Again,” he said."
    records = [{"id": "d1", "text": text}]
    path = tmp_path / f"in.{suffix}"
    if suffix == "jsonl":
        path.write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        pd.DataFrame(records).to_csv(path, index=False)
    table = extract(path, translate=False, nlp="rules")
    assert len(table) == 2
    for row in table.to_dict("records"):
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]
    first = table.iloc[0]
    mention = text[int(first["speaker_start"]) : int(first["speaker_end"])]
    assert mention == decomposed and first["speaker"] == unicodedata.normalize("NFC", decomposed)
    from quotes import segments

    segs = segments(path)
    assert segs["start"].min() == 0 and segs["end"].max() == len(text)  # the raw text's length


def test_normalising_keeps_a_map_back_to_every_raw_character() -> None:
    import unicodedata

    from quotes.normalise import normalise, to_raw

    raw = "a\r\nb" + unicodedata.normalize("NFD", "é") + "\r\u1100\u1161c"  # CRLF, e+accent, CR, jamo
    text, offsets = normalise(raw)
    assert text == "a\nbé\n가c" and offsets is not None
    assert [to_raw(offsets, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7, 9, 10]
    assert normalise("plain") == ("plain", None)
