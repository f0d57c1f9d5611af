"""Saving over a file as Windows does it: read-only files, and files another program holds."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from app.domain.errors import DocumentError
from app.safe_write import replace_file


def _save(path: Path, data: bytes = b"new") -> None:
    replace_file(path, data, what="the document", error=DocumentError)


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between attempts, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def test_a_read_only_file_is_refused_with_one_sentence_and_left_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "Response.pdf"
    target.write_bytes(b"published")
    target.chmod(0o444)
    with pytest.raises(DocumentError) as caught:
        _save(target)
    assert str(caught.value).startswith(f"{target} is read-only: ")
    assert len(str(caught.value).rstrip(".").split(". ")) == 1
    assert target.read_bytes() == b"published"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Response.pdf"]


def test_a_folder_that_cannot_be_written_gives_one_plain_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # A read-only folder (chmod 0o555 does not stop root, who runs CI, so the refusal is made).
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(DocumentError) as caught:
        _save(tmp_path / "Response.pdf")
    assert str(caught.value) == (
        f"Cannot save the document in {tmp_path}: the folder is read-only, or you may not "
        "save files in it."
    )


def test_a_file_held_for_a_moment_is_saved_after_retrying(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "Response.pdf"
    target.write_bytes(b"old")
    real_replace, failures = os.replace, [PermissionError(13, "Access is denied")] * 2

    def held_twice(source: str, destination: Path) -> None:
        if failures:
            raise failures.pop()
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", held_twice)
    _save(target)
    assert target.read_bytes() == b"new"
    assert len(pauses) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Response.pdf"]


def test_a_file_held_by_another_program_gives_one_sentence_after_about_two_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "Response.pdf"
    target.write_bytes(b"old")

    def always_held(_source: str, _destination: Path) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", always_held)
    with pytest.raises(DocumentError) as caught:
        _save(target)
    assert str(caught.value).startswith(
        f"Cannot save the document as {target}: it is open in another program"
    )
    assert 1.5 <= sum(pauses) <= 3
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Response.pdf"]
