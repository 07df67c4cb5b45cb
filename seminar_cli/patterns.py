"""Regular expressions (and the model's generated methods) compiled once per installation rather than once per run.

The readers hold about two hundred patterns, and Python compiles each one anew in every
process: about half of what `seminar lint` spends starting up. `compiled` keeps what the
regular-expression compiler produces for each pattern in a cache file, keyed by this
version of seminar and of the interpreter (and its regular-expression engine), and the
next run builds the pattern from it directly, as Python itself keeps the bytecode of a
module instead of compiling it again. `compiled_code` does the same for the source of
the `__init__` that `model.frozen` writes for each class.

The cache lives in the user's cache folder (`$XDG_CACHE_HOME/seminar`, else
`~/.cache/seminar`; `SEMINAR_CACHE_DIR` names another, and an empty value turns it off).
It is written atomically when a run compiled a pattern it did not hold, never through a
link or over anything that is not its own regular file, and a cache that cannot be read,
written or trusted is simply not used: the patterns are then compiled as usual.
Only patterns written in our code go through here, never one made from a page or a value.

A run whose patterns all come from the cache does not load `re` at all (nor the `enum` it
builds its flags with, together a tenth of linting a page): the flags are the plain numbers
below, and `re` is imported only to compile a pattern the cache does not hold.
"""

from __future__ import annotations

import marshal
import os
import sys
from types import CodeType  # not `type(compile(...))`: the first compile() builds all of Python's AST classes

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any

# The flags of `re` (`re.IGNORECASE` is 2 and so on, fixed by its documented API), as plain numbers.
IGNORECASE = 2
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64

try:  # the engine's own constructor, which `re.compile` calls with what its compiler produced
    import _sre  # type: ignore[import-not-found]  # (no stubs: a module of the interpreter itself)

    _ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{sys.hexversion:x}"
except (ImportError, AttributeError):  # another interpreter: compile as usual
    _ENGINE = ""

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_CACHE_LIMIT = 8 * 1024 * 1024


class _Cache:
    """The entries read from the cache file, and those this run compiled."""

    def __init__(self) -> None:
        self.path = _cache_path()
        self.held: dict[tuple[str, int], Any] = _read(self.path) if self.path else {}
        self.fresh: dict[tuple[str, int], Any] = {}


_cache: _Cache | None = None
_CODE = -1  # the "flags" of a code entry's key: no pattern has them


def _the_cache() -> _Cache:
    global _cache
    if _cache is None:
        _cache = _Cache()
        if _cache.path:
            import atexit

            atexit.register(_write, _cache)
    return _cache


def compiled_code(source: str, filename: str) -> Any:
    """`compile(source, filename, "exec")`, from the cache when it holds the code."""
    if not _ENGINE:
        return compile(source, filename, "exec")
    cache = _the_cache()
    key = (f"{filename}\n{source}", _CODE)
    code = cache.held.get(key)
    if isinstance(code, CodeType):
        return code
    code = cache.fresh[key] = compile(source, filename, "exec")
    return code


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, built from the cache when it holds the pattern."""
    if not _ENGINE:
        import re

        return re.compile(source, flags)
    cache = _the_cache()
    key = (source, int(flags))
    entry = cache.held.get(key)
    if entry is not None:
        try:
            return _from_entry(source, entry)
        except (TypeError, ValueError, RuntimeError):  # an entry that does not fit this engine
            del cache.held[key]
    try:
        entry = compile_entry(source, int(flags))
    except AttributeError:  # a `re` whose compiler is not laid out as CPython's: compile as usual
        import re

        return re.compile(source, flags)
    cache.fresh[key] = entry
    return _from_entry(source, entry)


def compile_entry(source: str, flags: int) -> Entry:
    """What Python's regular-expression compiler makes of a pattern (as `re._compiler.compile` does)."""
    import re

    parser: Any = re._parser  # type: ignore[attr-defined]
    compiler: Any = re._compiler  # type: ignore[attr-defined]
    parsed = parser.parse(source, flags)
    code = compiler._code(parsed, flags)
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    return (  # plain ints throughout: the compiler's opcodes are named int constants, which marshal does not take
        int(flags | parsed.state.flags), [int(word) for word in code], parsed.state.groups - 1,
        {str(name): int(index) for name, index in groups.items()}, tuple(names),
    )  # fmt: skip


def _from_entry(source: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, index, names = entry
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, index, names)
    return pattern


def _cache_path() -> str | None:
    folder = os.environ.get("SEMINAR_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "seminar")
    if not folder:
        return None
    return os.path.join(folder, f"patterns-{__version__}-{_ENGINE}.marshal")


def _read(path: str) -> dict[tuple[str, int], Entry]:
    """The cache file's entries; none when it is missing, not a regular file of ours, or not a cache."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return {}
    try:
        import stat

        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return {}
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(_CACHE_LIMIT + 1)
        loaded = marshal.loads(data) if len(data) <= _CACHE_LIMIT else None
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    finally:
        os.close(descriptor)
    return loaded if isinstance(loaded, dict) else {}


def save() -> None:
    """Write what this run compiled now, for a process that leaves without running Python's exit handlers."""
    if _cache is not None:
        _write(_cache)
        _cache.held.update(_cache.fresh)
        _cache.fresh.clear()  # written: the exit handler has nothing left to add


def _write(cache: _Cache) -> None:
    """Add the patterns this run compiled to the cache file, atomically; give up quietly on any failure."""
    if not cache.fresh or cache.path is None:
        return
    import tempfile
    from contextlib import suppress

    folder = os.path.dirname(cache.path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.path.lexists(cache.path) and (os.path.islink(cache.path) or not os.path.isfile(cache.path)):
            return  # not ours to replace
        descriptor, temporary = tempfile.mkstemp(prefix=".patterns-", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(marshal.dumps({**cache.held, **cache.fresh}))
        os.replace(temporary, cache.path)
    except (OSError, ValueError):
        with suppress(OSError):
            os.unlink(temporary)
