"""Atomic output: a file appears under its name complete or not at all."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
from pathlib import Path
from typing import IO, Any

_TMP_MARK = ".declutter-tmp-"


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{_TMP_MARK}{os.getpid()}")


_NO_TMPFILE: set[int] = set()


_AT_FDCWD = -100


_AT_EMPTY_PATH = 0x1000


_LIBC: list[Any] = []


def _libc() -> Any:
    """libc's ``linkat`` (names an O_TMPFILE by its descriptor), or None where unavailable."""
    if not _LIBC:
        try:
            lib = ctypes.CDLL(None, use_errno=True)
            lib.linkat.argtypes = [
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
            ]
            _LIBC.append(lib)
        except (OSError, AttributeError):
            _LIBC.append(None)
    return _LIBC[0]  # devices where an O_TMPFILE cannot be linked into place


class AtomicFile:
    """A file that appears under its name complete or not at all.

    On Linux the data goes to an anonymous ``O_TMPFILE`` in the target directory, linked into
    place when done: a killed process leaves nothing behind, not even a temporary file.  Where
    that is not available, a dot-named temporary file is renamed into place.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp: Path | None = None
        fd = -1
        mode = 0o666 & ~_umask()
        if hasattr(os, "O_TMPFILE") and sys.platform.startswith("linux"):
            try:
                dev = os.stat(self.path.parent).st_dev
                if dev not in _NO_TMPFILE:
                    fd = os.open(self.path.parent, os.O_TMPFILE | os.O_RDWR, mode)
            except OSError:
                fd = -1
        if fd < 0:
            self._tmp = _tmp_name(self.path)
            fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        self._fd = fd
        self.stream: IO[bytes] = os.fdopen(fd, "wb", buffering=1 << 16, closefd=False)

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def _link(self, target: Path) -> None:
        """Give the anonymous file a name (``FileExistsError`` if the name is taken)."""
        libc = _libc()
        if libc is not None:
            r = libc.linkat(self._fd, b"", _AT_FDCWD, os.fsencode(target), _AT_EMPTY_PATH)
            if r == 0:
                return
            err = ctypes.get_errno()
            if err == errno.EEXIST:
                raise FileExistsError(err, os.strerror(err), str(target))
        os.link(f"/proc/self/fd/{self._fd}", target, follow_symlinks=True)

    def _link_anonymous(self) -> None:
        try:
            try:
                self._link(self.path)
                return
            except FileExistsError:
                pass
            tmp = _tmp_name(self.path)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            self._link(tmp)
            os.replace(tmp, self.path)
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            # This system cannot link an anonymous file: copy it to a named temporary.
            _NO_TMPFILE.add(os.stat(self.path.parent).st_dev)
            tmp = _tmp_name(self.path)
            os.lseek(self._fd, 0, os.SEEK_SET)
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 & ~_umask())
            try:
                while chunk := os.read(self._fd, 1 << 20):
                    os.write(out, chunk)
            finally:
                os.close(out)
            os.replace(tmp, self.path)

    def commit(self) -> None:
        self.stream.flush()
        self.stream.close()
        try:
            if self._tmp is None:
                self._link_anonymous()
            else:
                os.replace(self._tmp, self.path)
                self._tmp = None
        finally:
            os.close(self._fd)

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return _UMASK


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    f = AtomicFile(path)
    try:
        f.write(data)
        f.commit()
    except BaseException:
        f.discard()
        raise


def remove_stale_temporaries(root: str | Path) -> int:
    """Delete temporary files a killed run left under ``root`` (non-Linux fallback only)."""
    n = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if _TMP_MARK in name and name.startswith("."):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, name))
                    n += 1
    return n
