"""Opening and decoding input files: gzip, BOMs, UTF-8/UTF-16/GB18030/Big5 detection, byte offsets in errors."""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from termcheck.errors import InputError
from termcheck.fileio import ensure_regular_file

HEAD = 1 << 16  # bytes looked at to detect the encoding
CHUNK = 1 << 20
MIN_SCORE = 0.4  # share of common characters a Chinese decoding must reach
STRAY = 100  # "UTF-8 with an error": at most 2 bad bytes, plus one per this many multi-byte characters

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# the most frequent Chinese characters (Simplified); their Traditional forms are added at run time
_COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
           "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
           "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
           "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
           "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
           "队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单"
           "风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土"
           "许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
           "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置"
           "派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞会议国务院外交部长合作发展关系双方")


def open_binary(path: Path) -> BinaryIO:
    """A file opened for binary reading; gzip'd files (by their magic bytes) are decompressed on the fly.

    Only regular files are opened (a FIFO or device is refused before it can block or never end)."""
    ensure_regular_file(path)
    try:
        f: BinaryIO = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", file=str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", file=str(path)) from None
    if f.peek(2)[:2] == b"\x1f\x8b":
        f.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return f


def _read(f: BinaryIO, n: int, path: Path) -> bytes:
    try:
        return f.read(n)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"broken gzip data: {e}", file=str(path)) from None


def read_bytes(path: Path) -> bytes:
    """A file's bytes (gzip'd files are opened transparently)."""
    with open_binary(path) as f:
        return _read(f, -1, path)


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    chars = set(_COMMON)
    try:
        import opencc

        chars.update(opencc.OpenCC("s2t").convert(_COMMON))
    except (ImportError, RuntimeError):  # pragma: no cover - opencc is a dependency
        pass
    return frozenset(chars)


def _try(head: bytes, codec: str) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return None


def _score(text: str) -> float:
    """Share of the CJK characters that are common ones: high for a right decoding, low for mojibake."""
    cjk = [c for c in text if ord(c) >= 0x2E80]
    if not cjk:
        return 0.0
    common = _common()
    return sum(c in common for c in cjk) / len(cjk)


def detect(head: bytes, path: Path, encoding: str | None = None) -> str:
    """The codec for a file, from `encoding` if given, else its BOM, else UTF-8, else GB18030 or Big5."""
    if encoding:
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", file=str(path)) from None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(f"looks like a binary file (NUL byte at byte offset {nul}); for UTF-16 without a "
                         "byte-order mark, give --encoding utf-16-le or utf-16-be", file=str(path))
    if _try(head, "utf-8") is not None:
        return "utf-8"
    first_bad = _mostly_utf8(head)
    if first_bad is not None:
        raise _utf8_error(head, first_bad, path)
    decoded = [(_score(t), c, t) for c in ("gb18030", "big5") if (t := _try(head, c)) is not None]
    if decoded:
        score, codec, text = max(decoded, key=lambda x: x[0])
        # mojibake (UTF-8 with a broken byte read as GB18030) has few common characters
        if score >= MIN_SCORE or sum(ord(c) >= 0x2E80 for c in text) < 10:
            return codec
    raise _utf8_error(head, _bad_utf8(head, 0)[0], path, ", nor GB18030 or Big5")


def _bad_utf8(head: bytes, pos: int) -> tuple[int, int]:
    """(start, end) of the first invalid UTF-8 sequence at or after `pos`; (-1, -1) when there is none
    (a sequence cut by the end of the head does not count)."""
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head[pos:], final=False)
    except UnicodeDecodeError as e:
        return pos + e.start, pos + e.end
    return -1, -1


def _mostly_utf8(head: bytes) -> int | None:
    """The offset of the first bad byte when the head is UTF-8 but for a few stray bytes (a Latin-1 é
    in UTF-8 text), else None: such a file is UTF-8 with an error, not GB18030 mojibake."""
    bad: list[int] = []
    pos = 0
    limit = 2 + sum(1 for b in head if 0xC2 <= b <= 0xF4) // STRAY
    while len(bad) <= limit:
        start, end = _bad_utf8(head, pos)
        if start < 0:
            break
        bad.append(start)
        pos = end
    if not bad or len(bad) > limit:
        return None
    good = head[:bad[0]] + b"".join(head[a + 1:b] for a, b in zip(bad, [*bad[1:], len(head)], strict=True))
    valid = len(good.decode("utf-8", "ignore").encode("utf-8")) - sum(1 for c in good if c < 0x80)
    return bad[0] if valid >= 4 * len(bad) or not any(c >= 0x80 for c in good) else None


def _utf8_error(head: bytes, offset: int, path: Path, also: str = "") -> InputError:
    line = head.count(b"\n", 0, offset) + 1
    return InputError(f"cannot decode: not UTF-8 (bad byte at byte offset {offset}){also}; give --encoding if the "
                      "file is in another encoding", file=str(path), line=line)


def _decode_error(path: Path, codec: str, offset: int, newlines: int) -> InputError:
    return InputError(f"cannot decode as {codec} at byte offset {offset} (use --encoding)",
                      file=str(path), line=newlines + 1)


def iter_text(path: Path, encoding: str | None = None) -> Iterator[str]:
    """The decoded text of a file in chunks, streamed: BOM dropped; an undecodable byte is an error
    naming its byte offset and line."""
    with open_binary(path) as f:
        head = _read(f, HEAD, path)
        codec = detect(head, path, encoding)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        offset = 0
        newlines = 0
        data = head
        while True:
            pending = len(decoder.getstate()[0])
            final = not data
            try:
                text = decoder.decode(data, final=final)
            except UnicodeDecodeError as e:
                bad = offset - pending + e.start
                lines = newlines + data[:max(e.start - pending, 0)].count(b"\n")
                raise _decode_error(path, codec, bad, lines) from None
            except LookupError:
                raise InputError(f"unknown encoding {codec!r}", file=str(path)) from None
            if text:
                if offset == 0 and text[0] == "\ufeff":
                    text = text[1:]
                yield text
            if final:
                return
            offset += len(data)
            newlines += data.count(b"\n")
            data = _read(f, CHUNK, path)


def iter_lines(path: Path, encoding: str | None = None) -> Iterator[str]:
    """Lines of a text file, streamed, each with its line break (`\\n`, `\\r\\n` or `\\r` kept as read)."""
    rest = ""
    for chunk in iter_text(path, encoding):
        rest += chunk
        start = 0
        while True:
            nl = rest.find("\n", start)
            if nl < 0:
                break
            yield rest[start:nl + 1]
            start = nl + 1
        rest = rest[start:]
    if rest:
        yield rest


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode bytes (encoding given, or detected); CRLF and CR become LF."""
    codec = detect(data[:HEAD], path, encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise _decode_error(path, codec, e.start, line - 1) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, encoding: str | None = None) -> str:
    """A whole text file decoded (see `decode`)."""
    return decode(read_bytes(path), path, encoding)
