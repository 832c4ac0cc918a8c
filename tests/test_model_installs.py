"""`quotes models install`, `install-stanza`, `remove` and `status`, end to end over HTTP.

A server on 127.0.0.1 plays the argos package index and stanza's resources site. The argos
package is a real one built in a fixture (argos_fixture.py); the download, checksum and
unpacking code is argostranslate's and stanza's own, pointed at the local server by their own
settings. A broken download must leave the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes import cli, resources
from tests.argos_fixture import build_argosmodel
from tests.http_fixture import Site, serve

JAPANESE = "高市首相は記者団に「日米同盟の新たな章を開きたい。」と述べた。"
PACKAGE = "/argos/translate-ja_en-0_1.argosmodel"


@pytest.fixture(scope="session")
def argos_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_argosmodel(tmp_path_factory.mktemp("argos-served")).read_bytes()


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with serve() as s:
        yield s


def publish_argos(site: Site, package: bytes, sha256: str | None = None) -> str:
    """An argos index listing one ja->en package, as argostranslate reads it; returns the index folder.
    The entry carries the package's sha256 unless `sha256` says otherwise ("" leaves it out)."""
    site.files[PACKAGE] = package
    entry = {
        "package_version": "0.1",
        "argos_version": "1.11",
        "from_code": "ja",
        "from_name": "Japanese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [site.url + PACKAGE],
    }
    if sha256 != "":
        entry["sha256"] = sha256 or hashlib.sha256(package).hexdigest()
    site.files["/argos/index.json"] = json.dumps([entry]).encode()
    return site.url + "/argos/"


def tree(store: Path) -> dict[str, bytes]:
    """Every file in the store with its content: what "left as it was" compares."""
    if not store.exists():
        return {}
    return {str(p.relative_to(store)): p.read_bytes() for p in sorted(store.rglob("*")) if p.is_file()}


def test_install_downloads_verifies_and_the_next_run_translates(
    site: Site,
    argos_bytes: bytes,
    empty_model_store: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    index = publish_argos(site, argos_bytes)
    assert cli.main(["models", "install", "ja", "en", "--index", index]) == 0
    assert "installed ja->en 0.1" in capsys.readouterr().out
    assert site.requested == ["/argos/index.json", PACKAGE]
    (package,) = resources.argos_packages(empty_model_store)
    assert (package.path / "model" / "model.bin").exists()
    assert not [p for p in empty_model_store.iterdir() if p.name.startswith(".staging")]

    article = tmp_path / "ja.txt"
    article.write_text(JAPANESE, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    assert cli.main(["extract", str(article), "-o", str(out), "-q", "-j", "1"]) == 0
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["translation_engine"] == "argos" and row["quote_en"] and row["quote_en"] != row["quote"]


def test_the_index_can_come_from_argostranslates_own_variable(
    site: Site, argos_bytes: bytes, empty_model_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", publish_argos(site, argos_bytes))
    assert cli.main(["models", "install", "ja", "en"]) == 0
    assert resources.argos_package("ja", "en", empty_model_store) is not None


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("truncated", "not a complete zip archive"),
        ("checksum", "incomplete or altered"),
        ("404", "could not download the ja->en package"),
        ("cut", "could not download the ja->en package"),
        ("no index", "could not download the argos package index"),
        ("no pair", "has no ja->en package"),
    ],
)
def test_a_broken_download_leaves_the_store_as_it_was(
    breakage: str,
    message: str,
    site: Site,
    argos_bytes: bytes,
    empty_model_store: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    # an older package is installed; a failed upgrade must keep it, byte for byte
    older = tmp_path / "older"
    assert cli.main(["models", "install", "--from", str(build_argosmodel(older))]) == 0
    before = tree(empty_model_store)
    capsys.readouterr()

    index = publish_argos(site, argos_bytes)
    if breakage == "truncated":
        # a short file, served as complete (a partial upload), and no checksum to catch it
        publish_argos(site, argos_bytes[: len(argos_bytes) - 4000], sha256="")
    elif breakage == "checksum":
        publish_argos(site, argos_bytes, sha256="0" * 64)
    elif breakage == "404":
        del site.files[PACKAGE]
    elif breakage == "cut":
        site.cut.add(PACKAGE)
    elif breakage == "no index":
        del site.files["/argos/index.json"]
    else:
        site.files["/argos/index.json"] = site.files["/argos/index.json"].replace(b'"ja"', b'"ko"')

    assert cli.main(["models", "install", "ja", "en", "--index", index]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert tree(empty_model_store) == before


def test_remove_deletes_the_package_and_status_shows_versions_and_sizes(
    argos_bytes: bytes, empty_model_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "translate-ja_en-0_1.argosmodel"
    archive.write_bytes(argos_bytes)
    assert cli.main(["models", "install", "--from", str(archive)]) == 0
    (package,) = resources.argos_packages(empty_model_store)
    size = sum(p.stat().st_size for p in package.path.rglob("*") if p.is_file())
    capsys.readouterr()
    assert cli.main(["models", "status"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "ja->en" in x)
    assert "version 0.1" in line and f"{size / 1000:.1f} KB" in line

    assert cli.main(["models", "remove", "ja", "en"]) == 0
    assert resources.argos_packages(empty_model_store) == []
    assert cli.main(["models", "remove", "ja", "en"]) == 2
    assert "no ja->en translation package is installed" in capsys.readouterr().err


# stanza: a resources_VERSION.json and a model folder, laid out as stanza's own site lays them out

STANZA_FILES = {
    "tokenize/tiny.pt": b"tokenizer weights " * 50,
    "pos/tiny.pt": b"tagger weights " * 50,
    "lemma/tiny.pt": b"lemmatizer weights " * 50,
    "depparse/tiny.pt": b"parser weights " * 50,
    "ner/tiny.pt": b"ner weights " * 50,
    "pretrain/tiny.pt": b"word vectors " * 50,
}


def publish_stanza(site: Site, lang: str = "en") -> str:
    from stanza.resources.common import DEFAULT_RESOURCES_VERSION

    entry: dict[str, object] = {"lang_name": "English", "packages": {"default": {}}}
    for name, body in STANZA_FILES.items():
        processor = name.split("/")[0]
        site.files[f"/stanza/models/{lang}/{name}"] = body
        model: dict[str, object] = {"md5": hashlib.md5(body).hexdigest()}
        if processor in ("pos", "depparse"):
            model["dependencies"] = [{"model": "pretrain", "package": "tiny"}]
        entry[processor] = {"tiny": model}
        if processor != "pretrain":
            entry["packages"]["default"][processor] = "tiny"  # type: ignore[index]
    entry["default_processors"] = entry["packages"]["default"]  # type: ignore[index]
    resources_json = {"url": site.url + "/stanza/models/{lang}/{filename}", lang: entry}
    site.files[f"/stanza/resources_{DEFAULT_RESOURCES_VERSION}.json"] = json.dumps(resources_json).encode()
    return site.url + "/stanza"


def test_stanza_models_are_fetched_by_stanzas_downloader_from_its_url_option(
    site: Site, empty_model_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = publish_stanza(site)
    assert cli.main(["models", "install-stanza", "en", "--url", url]) == 0
    assert "installed stanza models for en" in capsys.readouterr().out
    folder = resources.stanza_dir(empty_model_store) / "en"
    for name, body in STANZA_FILES.items():
        assert (folder / name).read_bytes() == body
    assert (resources.stanza_dir(empty_model_store) / "resources.json").exists()
    assert resources.stanza_languages(empty_model_store) == ["en"]
    assert cli.main(["models", "status"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("en "))
    assert "resources 1." in line and "KB" in line

    assert cli.main(["models", "remove-stanza", "en"]) == 0
    assert resources.stanza_languages(empty_model_store) == []


@pytest.mark.parametrize("breakage", ["404", "cut", "md5", "no resources"])
def test_a_broken_stanza_download_leaves_the_store_as_it_was(
    breakage: str, site: Site, empty_model_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = publish_stanza(site)
    assert cli.main(["models", "install-stanza", "en", "--url", url]) == 0
    before = tree(empty_model_store)
    capsys.readouterr()
    changed = "/stanza/models/en/ner/tiny.pt"
    if breakage == "404":
        del site.files[changed]
    elif breakage == "cut":
        site.cut.add(changed)
    elif breakage == "md5":
        site.files[changed] = b"something else"
    else:
        site.files = {k: v for k, v in site.files.items() if "resources_" not in k}
    # a fresh copy of every file is fetched (stanza skips files already in place with their md5)
    assert cli.main(["models", "install-stanza", "en", "--url", url]) == 2
    err = capsys.readouterr().err
    assert "could not download stanza models for 'en'" in err and err.count("\n") == 1
    assert tree(empty_model_store) == before


def test_an_install_leaves_argostranslates_settings_as_it_found_them(
    site: Site, argos_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes import models

    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    default = models.index_url()
    assert cli.main(["models", "install", "ja", "en", "--index", publish_argos(site, argos_bytes)]) == 0
    assert models.index_url() == default and site.url not in default
