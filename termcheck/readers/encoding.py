"""Reading text files: BOMs, declared encodings, a clear error with the byte offset."""

from __future__ import annotations

from pathlib import Path

from termcheck.errors import InputError


def read_bytes(path: Path) -> bytes:
    """A file's bytes (gzip'd files are opened transparently)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", file=str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", file=str(path)) from None
    if data[:2] == b"\x1f\x8b":
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise InputError(f"broken gzip data: {e}", file=str(path)) from None
    return data


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode with the given encoding, else by BOM, else UTF-8; CRLF and CR become LF."""
    if encoding is None:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        else:
            encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(f"cannot decode as {encoding} at byte offset {e.start} (use --encoding)",
                         file=str(path), line=line) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=str(path)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, encoding: str | None = None) -> str:
    """A text file decoded (see `decode`)."""
    return decode(read_bytes(path), path, encoding)
