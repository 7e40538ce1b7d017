"""Decoding inputs: BOMs, UTF-16, GB18030 and Big5 detected, gzip, CRLF, errors naming the byte offset."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from termcheck.errors import InputError
from termcheck.readers import encoding
from termcheck.readers.encoding import iter_lines, read_text

SIMPLIFIED = "中华人民共和国外交部长王毅会见美国国务卿布林肯。双方进行了坦诚、实质性、建设性的沟通。\nWang Yi met Blinken.\n"
TRADITIONAL = "中華人民共和國外交部長王毅會見美國國務卿布林肯。雙方進行了坦誠、實質性、建設性的溝通。\nWang Yi met Blinken.\n"


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8")),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8-sig")),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-16")),  # with BOM, little-endian here
        (SIMPLIFIED, b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be")),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030")),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk")),
        (TRADITIONAL, TRADITIONAL.encode("big5")),
        (TRADITIONAL, TRADITIONAL.encode("utf-8")),
        (SIMPLIFIED, gzip.compress(SIMPLIFIED.encode("gb18030"))),
        ("a\nb\nc\n", b"a\r\nb\rc\r\n"),
    ],
)
def test_detected_and_decoded(text: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert read_text(path) == text
    assert "".join(iter_lines(path)).replace("\r\n", "\n").replace("\r", "\n") == text


def test_lines_keep_their_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes("一\r\n二\n三".encode())
    assert list(iter_lines(path)) == ["一\r\n", "二\n", "三"]


def test_chunk_boundaries_inside_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoding, "HEAD", 7)
    monkeypatch.setattr(encoding, "CHUNK", 5)
    text = "王毅会见布林肯。\n" * 20
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8"))
    assert "".join(iter_lines(path)) == text


@pytest.mark.parametrize("stream", [True, False])
def test_undecodable_byte_names_its_offset_and_line(stream: bool, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoding, "HEAD", 64)
    monkeypatch.setattr(encoding, "CHUNK", 16)
    good = "王毅会见布林肯。\n".encode() * 10  # 250 bytes of good UTF-8, past the detection head
    path = tmp_path / "in.txt"
    path.write_bytes(good + b"\xff\xfe" + "好".encode())
    with pytest.raises(InputError) as e:
        list(iter_lines(path)) if stream else read_text(path)
    assert f"byte offset {len(good)}" in str(e.value)
    assert str(e.value).startswith(f"{path}:11:")


def test_garbage_is_not_taken_for_chinese(tmp_path: Path) -> None:
    """UTF-8 Chinese with one broken byte must not be read as GB18030 mojibake."""
    data = SIMPLIFIED.encode("utf-8") * 3
    path = tmp_path / "in.txt"
    path.write_bytes(data[:39] + b"\xff" + data[39:])
    with pytest.raises(InputError, match="byte offset 39"):
        read_text(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match=r"binary file \(NUL byte at byte offset 4\)"):
        read_text(path)


def test_encoding_option_wins_and_unknown_ones_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes("café\n".encode("latin-1"))
    assert read_text(path, "latin-1") == "café\n"
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_text(path, "klingon")


def test_broken_gzip_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "in.txt.gz"
    path.write_bytes(gzip.compress(SIMPLIFIED.encode())[:30])
    with pytest.raises(InputError, match="gzip"):
        read_text(path)
