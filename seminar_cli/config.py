"""Lint settings from `[tool.seminar]` in pyproject.toml or from `.seminar.toml`, nearest to the page.

Keys: `timezone` (IANA name, e.g. "America/New_York"), `select` and `ignore` (rule codes,
prefixes or names), `meeting-day` ("Thursday"), `hours` ("10:00-11:00"), `past-order`
("newest-first" or "oldest-first"), `past-talks` ("blocks", or "rows" to keep given talks as schedule
rows only on a page without a Past section), `pages` (paths or globs, relative to the file),
`details-days` (how many days before the next talk Next shows it, with its abstract and bio; 7) and
`max-page-size` (bytes, or "64 MiB": a bigger page is refused).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import time

from .errors import ConfigError
from .model import Config, PastOrder, PastTalks
from .read.dates import scan_time, weekday_index

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

KEYS = (
    "timezone", "select", "ignore", "meeting-day", "hours", "past-order", "past-talks", "pages", "details-days",
    "max-page-size",
)  # fmt: skip
_UNITS = {"": 1, "b": 1, "kb": 1000, "kib": 1 << 10, "mb": 1000**2, "mib": 1 << 20, "gb": 1000**3, "gib": 1 << 30}


def find_config(start: str | os.PathLike[str], cache: dict[str, Config] | None = None) -> Config:
    """The configuration nearest to `start` (a page or a folder), walking up; empty when none."""
    place = os.fspath(start)
    folder = os.path.realpath(place if os.path.isdir(place) else os.path.dirname(place) or ".")
    cache = {} if cache is None else cache
    if folder not in cache:
        cache[folder] = _find(folder)
    return cache[folder]


def _find(folder: str) -> Config:
    while True:
        dotfile = os.path.join(folder, ".seminar.toml")
        if os.path.isfile(dotfile):
            data = _load(dotfile)
            return _config(data.get("tool", {}).get("seminar", data), dotfile)
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            table = _load(pyproject, unless_without=b"seminar").get("tool", {}).get("seminar")
            if table is not None:
                return _config(table, pyproject)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config()
        folder = parent


def _load(path: str, unless_without: bytes = b"") -> dict[str, Any]:
    """The file's TOML; `{}` when it lacks the word `unless_without` (and any escape that could spell it)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise ConfigError(f"cannot be read: {error.strerror}", path=str(path)) from None
    if unless_without not in data and b"\\u" not in data and b"\\U" not in data:
        return {}  # another tool's pyproject.toml: no key of it can name us, so it need not be read
    import tomllib  # only when a configuration file may configure us

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"byte {data[error.start]:#04x} is not UTF-8 text",
            path=str(path),
            line=data.count(b"\n", 0, error.start) + 1,
            column=error.start - data.rfind(b"\n", 0, error.start),
            expected="a UTF-8 TOML file",
        ) from None
    except tomllib.TOMLDecodeError as error:
        import re

        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(
            f"is not valid TOML: {message}",
            path=str(path),
            line=int(where.group(1)) if where else None,
            column=int(where.group(2)) if where else None,
        ) from None


def _config(table: Any, path: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError("[tool.seminar] is not a table", path=str(path), expected="a table of lint settings")
    import difflib

    values = {str(key).replace("_", "-"): value for key, value in table.items()}
    for key in values:
        close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.75)
        if key not in KEYS and close:
            raise ConfigError(f"unknown key {key!r}", path=str(path), expected=f"{close[0]!r}")
    parsers: dict[str, Callable[[Any, str], Any]] = {
        "timezone": _timezone,
        "select": _words,
        "ignore": _words,
        "meeting-day": _weekday,
        "hours": _hours,
        "past-order": _past_order,
        "past-talks": _past_talks,
        "pages": _words,
        "details-days": _days,
        "max-page-size": _size,
    }
    fields: dict[str, Any] = {}
    for key, parse in parsers.items():
        if key in values:
            try:
                fields[key.replace("-", "_")] = parse(values[key], key)
            except ValueError as error:
                raise ConfigError(f"{key} = {values[key]!r}: {error}", path=str(path)) from None
    return Config(**fields, path=str(path))


def _timezone(value: Any, key: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(value, str):
        raise ValueError("expected a time zone name such as 'America/New_York'")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        raise ValueError("unknown time zone; expected an IANA name such as 'America/New_York'") from None
    return value


def _words(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of strings")
    return tuple(item for item in value if item.strip())


def _weekday(value: Any, key: str) -> int:
    index = weekday_index(value) if isinstance(value, str) and len(value.strip()) >= 3 else None
    if index is None:
        raise ValueError("expected a weekday such as 'Thursday'")
    return index


def _hours(value: Any, key: str) -> tuple[time, time]:
    slot = scan_time(value, None).slot if isinstance(value, str) else None
    if slot is None or slot.start is None or slot.end is None:
        raise ValueError("expected a range such as '10:00-11:00' or '3-4 pm'")
    return slot.start, slot.end


def _days(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 60:
        raise ValueError("expected a number of days from 0 to 60, such as 7")
    return value


def _past_order(value: Any, key: str) -> PastOrder:
    if value == "newest-first":
        return "newest-first"
    if value == "oldest-first":
        return "oldest-first"
    raise ValueError("expected 'newest-first' or 'oldest-first'")


def _past_talks(value: Any, key: str) -> PastTalks:
    if value == "blocks":
        return "blocks"
    if value == "rows":
        return "rows"
    raise ValueError("expected 'blocks' or 'rows'")


def _size(value: Any, key: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    import re

    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", value) if isinstance(value, str) else None
    factor = _UNITS.get(found.group(2).lower()) if found else None
    if found is None or factor is None or float(found.group(1)) * factor < 1:
        raise ValueError("expected a size such as 67108864, '64 MiB' or '500 KB'")
    return int(float(found.group(1)) * factor)


def configured_pages(config: Config) -> list[str]:
    """The page paths the configuration lists, globs expanded, relative to its file."""
    if config.path is None:
        return []
    from pathlib import Path  # only to expand `pages` globs

    base = Path(config.path).parent
    found: list[str] = []
    for entry in config.pages:
        if any(mark in entry for mark in "*?["):
            found.extend(str(path) for path in sorted(base.glob(entry)))
        else:
            found.append(str(base / entry))
    return found
