"""Golden pages as bytes: our pages in full, real pages as line references plus the new lines.

A real page's text is not ours to copy, so its expected result is stored as runs of
`@a-b` (lines a..b of the page before the edit) and `+"..."` (a new line, JSON-quoted
with its line ending). Turning that back into bytes gives the exact expected page.
"""

from __future__ import annotations

import difflib
import json


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def encode(before: str, after: str) -> str:
    """Describe `after` by reference to `before`."""
    old, new = _lines(before), _lines(after)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(f"@{a1 + 1}-{a2}")
        else:
            moved = difflib.SequenceMatcher(a=old, b=new[b1:b2], autojunk=False)
            for inner_tag, c1, c2, d1, d2 in moved.get_opcodes():
                if inner_tag == "equal" and c2 - c1 >= 3:
                    out.append(f"@{c1 + 1}-{c2}")
                elif d2 > d1:
                    out.extend("+" + json.dumps(line, ensure_ascii=False) for line in new[b1 + d1 : b1 + d2])
    return "\n".join(out) + "\n"


def decode(before: str, script: str) -> str:
    """The page that `script` describes."""
    old = _lines(before)
    out: list[str] = []
    for line in script.splitlines():
        if line.startswith("@"):
            first, last = (int(number) for number in line[1:].split("-"))
            out.extend(old[first - 1 : last])
        elif line.startswith("+"):
            out.append(json.loads(line[1:]))
        elif line.strip():
            raise ValueError(f"not a golden line: {line!r}")
    return "".join(out)
