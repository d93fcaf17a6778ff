"""Normalise Vietnamese text before matching, keeping a map back to the original characters.

Rules apply in this order, each a small rewrite that records where every output character came from:

1. Unicode NFC (two of the national texts are not NFC as found).
2. Line breaks: ``\\r\\n``, ``\\r``, U+2028/2029/0085 → ``\\n``; zero-width characters, soft hyphens
   and control characters (except tab and newline) are removed.
3. Quotes and dashes: ``“ ” „ « »`` → ``"``, ``‘ ’ ‚`` → ``'``, en/em dashes and minus → ``-``.
4. Markdown escapes (``R\\&D``, ``40 \\- 50``, ``1\\.``) → the bare character.
5. One tone-mark placement — the classic one, on the first vowel of an open ``oa``, ``oe``, ``uy``:
   ``hoà`` → ``hòa``, ``Hoá`` → ``Hóa``, ``khoẻ`` → ``khỏe``, ``uỷ`` → ``ủy``, ``thuỷ`` → ``thủy``.
   Syllables with a final consonant (``hoàng``, ``thuyết``) and ``qu`` + ``y`` (``quý``) are the
   same in both conventions and are left alone. ``tỉ``/``tỷ`` are different spellings, not
   placements: :mod:`ingest.text.keys` folds those.
6. Whitespace: a run of spaces, tabs, NBSP … → one space; a run holding line breaks → its line
   breaks only (at most two, so paragraphs survive).

``offset_map[i]`` is the index in the original of normalised character ``i``; a character that
replaces several (a composed letter, an unescaped ``\\-``, a collapsed run) maps to one of them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

# A rewrite step returns its output text and, per output character, the index it came from.
Rewrite = Callable[[re.Match[str]], list[tuple[str, int]]]

_COMBINING_CLUSTER = re.compile(
    r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_REMOVED = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]+")
_QUOTES_DASHES = re.compile(r"[“”„‟«»″‘’‚‛′–—‒―−]")
_QUOTE_DASH_TABLE = {
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("–—‒―−", "-"),
}
_MARKDOWN_ESCAPE = re.compile(r"\\([-&.*_#+!()\[\]{}<>|`~\"'=:;,/%$@^])")

_TONED_A_E = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_LETTER = r"[^\W\d_]"
# An open syllable ending in o+toned a/e or u+toned y: the tone moves to the o/u.
_NEW_STYLE_TONE = re.compile(
    rf"(?<!{_LETTER})([bcdđghklmnpqrstvx]*)(o(?=[{_TONED_A_E}])|u(?=[{_TONED_Y}]))"
    rf"([{_TONED_A_E}{_TONED_Y}])(?!{_LETTER})",
    re.IGNORECASE,
)
_HORIZONTAL_SPACE = r"[^\S\n]"
_WHITESPACE_RUN = re.compile(rf"{_HORIZONTAL_SPACE}*\n[\s]*|{_HORIZONTAL_SPACE}{{2,}}|[^\S \n]")


def normalise(original: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and its offset map (one entry per character, plus ``len(original)``).

    Total: never raises on any string. The map is non-decreasing and ends with ``len(original)``.
    """
    text, offsets = _nfc(original)
    for pattern, rewrite in _STEPS:
        text, step_map = _rewrite(text, pattern, rewrite)
        if step_map is not None:  # None: every character stayed where it was
            offsets = step_map if offsets is None else [offsets[i] for i in step_map]
    final = list(range(len(text))) if offsets is None else offsets
    final.append(len(original))
    return text, tuple(final)


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC with a map (None if already NFC), line by line: nothing composes across a line break."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for line in text.splitlines(keepends=True):
        if unicodedata.is_normalized("NFC", line):
            pieces.append(line)
            offsets.extend(range(position, position + len(line)))
        else:
            composed, line_map = _nfc_line(line)
            pieces.append(composed)
            offsets.extend(position + index for index in line_map)
        position += len(line)
    return "".join(pieces), offsets


def _nfc_line(line: str) -> tuple[str, list[int]]:
    """One line to NFC: compose base + combining-mark clusters; exotic cases by smaller segments."""
    composed, line_map = _rewrite(line, _COMBINING_CLUSTER, _compose_cluster)
    if unicodedata.is_normalized("NFC", composed):
        return composed, list(range(len(line))) if line_map is None else line_map
    for boundaries in (_cluster_starts(line), _ascii_starts(line)):
        composed, line_map = _nfc_by_segments(line, boundaries)
        if unicodedata.is_normalized("NFC", composed):
            return composed, line_map
    composed = unicodedata.normalize("NFC", line)
    return composed, [0] * len(composed)


def _compose_cluster(match: re.Match[str]) -> list[tuple[str, int]]:
    # A composed letter maps to its base letter: quotes then start on a whole letter.
    composed = unicodedata.normalize("NFC", match.group())
    last = match.end() - 1
    return [(char, min(match.start() + k, last)) for k, char in enumerate(composed)]


def _cluster_starts(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if i == 0 or unicodedata.combining(char) == 0]


def _ascii_starts(text: str) -> list[int]:
    # Nothing composes backwards into an ASCII character, so cutting before one is always safe.
    return [i for i, char in enumerate(text) if i == 0 or char < "\x80"]


def _nfc_by_segments(text: str, starts: list[int]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    offsets: list[int] = []
    bounds = [*starts, len(text)]
    for start, end in itertools.pairwise(bounds):
        segment = text[start:end]
        composed = unicodedata.normalize("NFC", segment) if end - start > 1 else segment
        pieces.append(composed)
        last = end - 1
        offsets.extend(min(start + k, last) for k in range(len(composed)))
    return "".join(pieces), offsets


def _rewrite(text: str, pattern: re.Pattern[str], rewrite: Rewrite) -> tuple[str, list[int] | None]:
    """Apply ``rewrite`` to every match; return the new text and its map into ``text``.

    The map is None when every character kept its place (a same-length, in-place rewrite).
    """
    pieces: list[str] = []
    step_map: list[int] = []
    position = 0
    moved = False
    for match in pattern.finditer(text):
        replacement = rewrite(match)
        replaced = "".join(char for char, _ in replacement)
        in_place = all(index == match.start() + k for k, (_, index) in enumerate(replacement))
        in_place = in_place and len(replacement) == len(match.group())
        if in_place and replaced == match.group():
            continue
        moved = moved or not in_place
        pieces.append(text[position : match.start()])
        step_map.extend(range(position, match.start()))
        pieces.append(replaced)
        step_map.extend(index for _, index in replacement)
        position = match.end()
    if not pieces:
        return text, None
    pieces.append(text[position:])
    step_map.extend(range(position, len(text)))
    return "".join(pieces), step_map if moved else None


def _line_break(match: re.Match[str]) -> list[tuple[str, int]]:
    return [("\n", match.start())]


def _remove(match: re.Match[str]) -> list[tuple[str, int]]:
    return []


def _quote_or_dash(match: re.Match[str]) -> list[tuple[str, int]]:
    return [(_QUOTE_DASH_TABLE[match.group()], match.start())]


def _unescape(match: re.Match[str]) -> list[tuple[str, int]]:
    return [(match.group(1), match.start(1))]


def _move_tone(match: re.Match[str]) -> list[tuple[str, int]]:
    consonants, first, toned = match.group(1), match.group(2), match.group(3)
    if first in "uU" and consonants[-1:] in ("q", "Q"):
        return _identity(match)  # quý: the u belongs to the consonant "qu"
    decomposed = unicodedata.normalize("NFD", toned)
    base, marks = decomposed[0], decomposed[1:]
    moved = unicodedata.normalize("NFC", first + marks) + base
    return [(char, match.start() + k) for k, char in enumerate(consonants + moved)]


def _collapse_space(match: re.Match[str]) -> list[tuple[str, int]]:
    run = match.group()
    breaks = [match.start() + k for k, char in enumerate(run) if char == "\n"]
    if not breaks:
        return [(" ", match.start())]
    kept = breaks[:1] if len(breaks) == 1 else [breaks[0], breaks[-1]]
    return [("\n", index) for index in kept]


def _identity(match: re.Match[str]) -> list[tuple[str, int]]:
    return [(char, match.start() + k) for k, char in enumerate(match.group())]


_STEPS: tuple[tuple[re.Pattern[str], Rewrite], ...] = (
    (_LINE_BREAKS, _line_break),
    (_REMOVED, _remove),
    (_QUOTES_DASHES, _quote_or_dash),
    (_MARKDOWN_ESCAPE, _unescape),
    (_NEW_STYLE_TONE, _move_tone),
    (_WHITESPACE_RUN, _collapse_space),
)
