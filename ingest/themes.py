"""Which curated theme (``…/id/theme/<slug>``, ``data/curated/themes.ttl``) a task is about.

A task table gives its theme as a section heading: the heading is matched against the themes'
headings (prefLabel) and short forms (altLabel) by weighted overlap of folded tokens, where the
words every heading shares ("khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số") weigh
little. A task in prose has no heading: its text is searched for the themes' short forms and
keywords (altLabel, hiddenLabel), and the theme with the most distinctive phrases wins. The
keywords are curated data, so a reviewer changes them in the Turtle file, not here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ingest.resolve import Catalogue, Tokens, name_key

HEADING_THRESHOLD = 0.5  # weighted Dice of a heading and a theme label
PHRASE_THRESHOLD = 1  # words of the theme's phrases found in a task
_FUNCTION_WORDS = frozenset(
    {"cua", "cho", "trong", "ve", "cac", "nhung", "de", "tren", "theo", "voi", "tai", "la"}
    | {"mot", "moi", "den", "nam", "cao", "hon"}
)


@dataclass(frozen=True)
class ThemeIndex:
    """Token weights and label keys of the curated themes, built once per catalogue."""

    weights: dict[str, float]
    unknown_weight: float  # a word no theme label has: as distinctive as the rarest
    labels: tuple[tuple[str, frozenset[str]], ...]  # (theme, tokens) per heading or short form
    phrases: dict[str, tuple[tuple[Tokens, str], ...]]  # first token → (phrase, theme), longest 1st

    def weight(self, tokens: frozenset[str] | Tokens) -> float:
        return sum(
            0.0 if t in _FUNCTION_WORDS else self.weights.get(t, self.unknown_weight)
            for t in tokens
        )


def theme_index(catalogue: Catalogue) -> ThemeIndex:
    """The catalogue's theme index (memoised in the catalogue's own cache)."""
    cached = catalogue.cache.get("themes")
    if cached is None:
        cached = catalogue.cache["themes"] = _build_index(catalogue)
    return cached


def _build_index(catalogue: Catalogue) -> ThemeIndex:
    vocabulary: dict[str, set[str]] = {}
    labels: list[tuple[str, frozenset[str]]] = []
    phrases: list[tuple[Tokens, str]] = []
    for theme in sorted(catalogue.themes.values(), key=lambda t: t.key):
        for label in (*theme.labels, *theme.alt_labels, *theme.keywords):
            for token in name_key(label):
                vocabulary.setdefault(token, set()).add(theme.key)
        for label in (*theme.labels, *theme.alt_labels):
            labels.append((theme.key, frozenset(name_key(label))))
        for phrase in (*theme.alt_labels, *theme.keywords):
            key = name_key(phrase)
            if key:
                phrases.append((key, theme.key))
    count = max(len(catalogue.themes), 1)
    weights = {
        token: 0.0 if token in _FUNCTION_WORDS else math.log(1 + count / len(themes))
        for token, themes in vocabulary.items()
    }
    by_first: dict[str, list[tuple[Tokens, str]]] = {}
    for phrase, key in sorted(phrases, key=lambda p: (-len(p[0]), p)):
        by_first.setdefault(phrase[0], []).append((phrase, key))
    return ThemeIndex(
        weights,
        math.log(1 + count),
        tuple(labels),
        {first: tuple(found) for first, found in by_first.items()},
    )


def resolve_theme(heading: str, catalogue: Catalogue) -> str | None:
    """The curated theme a section heading names, or None.

    The heading is compared with every theme's heading and short forms; where none is close
    enough (a province's own wording), the heading's phrases decide as for a task.
    """
    index = theme_index(catalogue)
    words = frozenset(name_key(heading))
    if not words:
        return None
    best: tuple[float, str] | None = None
    for key, label in index.labels:
        shared = index.weight(words & label)
        total = index.weight(words) + index.weight(label)
        score = 2 * shared / total if total else 0.0
        if best is None or score > best[0]:
            best = (score, key)
    if best and best[0] >= HEADING_THRESHOLD:
        return best[1]
    return classify_task_theme(heading, catalogue)


def classify_task_theme(task_text: str, catalogue: Catalogue) -> str | None:
    """The theme with the most words of its short forms and keywords in a task's text, or None.

    Every curated phrase belongs to one theme, so a phrase counts by its words; phrases are
    matched longest first without overlap, and a tie goes to the theme named first.
    """
    index = theme_index(catalogue)
    words = name_key(task_text)
    scores: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    position = 0
    while position < len(words):
        for phrase, key in index.phrases.get(words[position], ()):
            if words[position : position + len(phrase)] == phrase:
                scores[key] = scores.get(key, 0) + sum(w not in _FUNCTION_WORDS for w in phrase)
                first_seen.setdefault(key, position)
                position += len(phrase)
                break
        else:
            position += 1
    ranked = sorted(scores, key=lambda k: (-scores[k], first_seen[k], k))
    if not ranked or scores[ranked[0]] < PHRASE_THRESHOLD:
        return None
    return ranked[0]
