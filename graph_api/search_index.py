"""Diacritic-insensitive label search: every label folded once, matched and ranked in Python.

Labels come from the named queries ``search_labels.rq`` (labels, titles, alternative labels,
document numbers) and ``search_task_texts.rq`` (a task's wording), with each task's citation
(``03/NQ-CP, Phụ lục II, nhiệm vụ 52``) as its label, each split into folded words by
:func:`ontology.text_keys.fold_words` — the same ``fold`` the build uses for its
``pg:searchKey`` literals. The index is built once per store:
each folded word points to the labels holding it, and the words are kept sorted, so a query
word's labels (the word itself or any word it begins) are one binary search away; only labels
holding every query word are scored, so a search costs what its candidates cost, not what the
graph holds. A query that is a place's name (``Bình Dương``) lists the place, then its own
agencies, documents and tasks (``search_places.rq``), named so or not, then the other hits.
"""

from __future__ import annotations

import difflib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ontology.namespaces import ID_BASE
from ontology.text_keys import fold
from ontology.text_keys import fold_words as words

# Equal scores: a place before its own bodies ("Bình Dương" is the province before the
# agency of the same short name), then agencies, documents, tasks, indicators, the rest.
KIND_RANK = {"place": 0, "agency": 1, "document": 2, "task": 3, "indicator": 4, "theme": 5}


class Entry(NamedTuple):
    entity: str
    label: str
    folded: tuple[str, ...]
    preferred: bool  # rdfs:label / prefLabel / title, not an alternative label


class Entries(Sequence[Entry]):
    """The index's entries as four columns of plain values (what loads fast from the build's
    file: one list per field, not a tuple per label), each made an :class:`Entry` when read;
    a search reads its candidates, not every label. ``folded``: the words joined by spaces."""

    def __init__(
        self, entities: list[str], labels: list[str], folded: list[str], preferred: bytes
    ) -> None:
        self.columns = (entities, labels, folded, preferred)
        self._made: dict[int, Entry] = {}  # entries read once are kept (a word's labels recur)

    def __len__(self) -> int:
        return len(self.columns[0])

    def __getitem__(self, position):  # an int (or a slice, as Sequence allows)
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        entry = self._made.get(position)
        if entry is None:
            entities, labels, folded, preferred = self.columns
            words_of = tuple(folded[position].split())
            entry = Entry(entities[position], labels[position], words_of, bool(preferred[position]))
            self._made[position] = entry
        return entry


@dataclass(frozen=True)
class Hit:
    entity: str
    label: str  # the entity's preferred label (or the matched one if it has none)
    matched: str
    kind: str
    score: float


class SearchIndex:
    """All labels of a store, folded; ``search`` ranks entities for a query."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        entities: list[str] = []
        labels: list[str] = []
        folded_labels: list[str] = []
        preferred_flags = bytearray()
        self.preferred_label: dict[str, str] = {}
        first_label: dict[str, str] = {}
        postings: dict[str, set[int]] = {}
        seen: set[tuple[str, str, bool]] = set()
        own: dict[str, set[str]] = {}  # place → the agencies, documents, tasks it holds
        folds: dict[str, list[str]] = {}  # a wording held by many tasks (copies) folded once
        for row in rows:
            if row.get("place"):
                own.setdefault(row["place"], set()).add(row["entity"])
                continue
            label = row.get("label")
            if not label:
                continue
            preferred = row.get("labelKind") == "label"
            if (row["entity"], label, preferred) in seen:
                continue
            seen.add((row["entity"], label, preferred))
            folded = folds.get(label)
            if folded is None:
                folded = folds[label] = words(label)
            for word in folded:
                postings.setdefault(word, set()).add(len(entities))
            entities.append(row["entity"])
            labels.append(label)
            folded_labels.append(" ".join(folded))
            preferred_flags.append(preferred)
            first_label.setdefault(row["entity"], label)
            if preferred:
                current = self.preferred_label.get(row["entity"])
                if current is None or _prefer(label, current):
                    self.preferred_label[row["entity"]] = label
        self.entries = Entries(entities, labels, folded_labels, bytes(preferred_flags))
        # the first label of an entity with no preferred one (the name a hit shows)
        preferred_of = self.preferred_label
        self.first_label = {e: n for e, n in first_label.items() if e not in preferred_of}
        self.words: list[str] = sorted(postings)  # for prefix ranges by binary search
        # each word's entries, as packed 32-bit numbers (bytes load at once from the file)
        self.postings = [array("I", sorted(postings[w])).tobytes() for w in self.words]
        self.own: dict[str, list[str]] = {place: sorted(found) for place, found in own.items()}
        self.near = self._near_keys()

    def _near_keys(self) -> dict[str, tuple[list[str], bytes]]:
        """kind → the folded preferred labels and slugs of its entities, sorted, with the entry
        each first came from (packed 32-bit numbers): what :meth:`closest` matches a mistyped
        name against, made once with the index (and kept in the build's file), not per request."""
        entities, _, folded, preferred = self.entries.columns
        first: dict[str, dict[str, int]] = {}
        for position, entity in enumerate(entities):
            if preferred[position]:
                keys = first.setdefault(_kind(entity), {})
                keys.setdefault(folded[position], position)
                keys.setdefault(" ".join(words(entity.rsplit("/", 1)[-1])), position)
        near = {}
        for kind, keys in first.items():
            ordered = sorted(keys)
            near[kind] = (ordered, array("I", [keys[key] for key in ordered]).tobytes())
        return near

    def tables(self) -> tuple:
        """The index as plain lists, dicts and bytes (what :meth:`from_tables` reads back),
        for the file the build writes beside its store (:mod:`graph_api.serving_index`)."""
        return (
            self.entries.columns,
            self.words,
            self.postings,
            self.preferred_label,
            self.first_label,
            self.own,
            self.near,
        )

    @classmethod
    def from_tables(cls, tables: tuple) -> SearchIndex:
        """The index :meth:`tables` gave, without folding a label again."""
        self = cls.__new__(cls)
        columns, self.words, self.postings, self.preferred_label, self.first_label, self.own = (
            tables[:6]
        )
        self.entries = Entries(*columns)
        # a file written before the suggestion keys were kept: made here, once
        self.near = tables[6] if len(tables) > 6 else self._near_keys()
        return self

    def _holding(self, prefix: str) -> set[int]:
        """The entries with a word that is ``prefix`` or begins with it."""
        found: set[int] = set()
        start = bisect_left(self.words, prefix)
        for position in range(start, len(self.words)):
            if not self.words[position].startswith(prefix):
                break
            found.update(memoryview(self.postings[position]).cast("I"))
        return found

    def candidates(self, wanted: list[str]) -> set[int]:
        """The entries holding every query word (as a word or a word's beginning)."""
        found: set[int] | None = None
        for word in sorted(set(wanted), key=len, reverse=True):  # longest: fewest entries
            holding = self._holding(word)
            found = holding if found is None else found & holding
            if not found:
                return set()
        return found or set()

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        wanted = words(query)
        if not wanted:
            return []
        best: dict[str, tuple[float, Entry]] = {}
        for position in sorted(self.candidates(wanted)):  # first of equal scores wins
            entry = self.entries[position]
            score = _score(wanted, entry)
            if score > 0 and score > best.get(entry.entity, (0.0, entry))[0]:
                best[entry.entity] = (score, entry)
        named = self.named(query, "place")
        place = named[0] if len(named) == 1 else None
        own = set(self.own.get(place, ())) if place else set()
        for entity in sorted(own - best.keys()):  # its own entities, named so or not
            if label := self.preferred_label.get(entity) or self.first_label.get(entity):
                best[entity] = (0.0, Entry(entity, label, (), True))

        def rank(item: tuple[str, tuple[float, Entry]]) -> tuple:
            """A place the query names, then its own entities by kind, then by score."""
            entity, (score, entry) = item
            kind = KIND_RANK.get(_kind(entity), len(KIND_RANK))
            first = 0 if entity == place else 1 if entity in own else 2
            return (first, kind if first == 1 else 0, -score, kind, len(entry.label), entity)

        ranked = sorted(best.items(), key=rank)
        return [
            Hit(
                entity=entity,
                label=self.preferred_label.get(entity, entry.label),
                matched=entry.label,
                kind=_kind(entity),
                score=round(score, 3),
            )
            for entity, (score, entry) in ranked[:limit]
        ]

    def listing(self, kind: str, limit: int) -> list[Hit]:
        """Every entity of ``kind`` that has a label, in the order of its folded label."""
        names: dict[str, str] = {}
        entities, labels = self.entries.columns[:2]
        for entity, label in zip(entities, labels, strict=True):  # no preferred label: its first
            if _kind(entity) == kind:
                names.setdefault(entity, label)
        names.update((e, label) for e, label in self.preferred_label.items() if _kind(e) == kind)
        found = [(fold(label), entity, label) for entity, label in names.items()]
        return [
            Hit(entity=entity, label=label, matched=label, kind=kind, score=0.0)
            for _, entity, label in sorted(found, key=_natural)[:limit]
        ]

    def named(self, name: str, kind: str) -> list[str]:
        """The entities of ``kind`` one of whose names is ``name`` (diacritics, case and
        punctuation ignored); those so named by a preferred label first when several are."""
        wanted = tuple(words(name))
        if not wanted:
            return []
        found: dict[str, bool] = {}
        for position in self.candidates(list(wanted)):
            entry = self.entries[position]
            if entry.folded == wanted and _kind(entry.entity) == kind:
                found[entry.entity] = found.get(entry.entity, False) or entry.preferred
        preferred = sorted(entity for entity, by_label in found.items() if by_label)
        return preferred if len(preferred) == 1 else sorted(found)

    def closest(self, text: str, kind: str | None = None, limit: int = 5) -> list[Hit]:
        """The entities (of ``kind``) nearest to a mistyped name or slug: first the search's
        own hits (every word, or a word's beginning, found), then near spellings of a label
        or a slug (``so-khcn-binh-duon`` → Sở KH&CN Bình Dương)."""
        query = " ".join(words(text))
        if not query:
            return []
        hits = [h for h in self.search(query, len(self.entries)) if kind in (None, h.kind)]
        chosen = {hit.entity: hit for hit in hits[:limit]}
        if len(chosen) < limit:
            keys, positions = self._near(kind)
            for key in difflib.get_close_matches(query, keys, n=4 * limit, cutoff=0.75):
                entry = self.entries[positions[bisect_left(keys, key)]]
                if entry.entity not in chosen and len(chosen) < limit:
                    label = self.preferred_label.get(entry.entity, entry.label)
                    kind_of = _kind(entry.entity)
                    chosen[entry.entity] = Hit(entry.entity, label, entry.label, kind_of, 0.0)
        return list(chosen.values())

    def _near(self, kind: str | None) -> tuple[list[str], Sequence[int]]:
        """The sorted suggestion keys of ``kind`` (of every kind when None: a key several kinds
        share goes to the entity whose label came first) and each key's entry."""
        if kind is not None:
            keys, packed = self.near.get(kind, ([], b""))
            return keys, memoryview(packed).cast("I")
        first: dict[str, int] = {}
        for keys, packed in self.near.values():
            for key, position in zip(keys, memoryview(packed).cast("I"), strict=True):
                if position < first.get(key, position + 1):
                    first[key] = position
        ordered = sorted(first)
        return ordered, [first[key] for key in ordered]


def _natural(item: tuple[str, str, str]) -> tuple:
    """``nhiệm vụ 9`` before ``nhiệm vụ 52``: the trailing number compared as a number."""
    head, _, number = item[0].rpartition(" ")
    return (head, int(number), item[1]) if number.isdigit() else (item[0], -1, item[1])


def _prefer(candidate: str, current: str) -> bool:
    """Prefer Vietnamese-looking labels (with diacritics) over English ones."""
    return fold(candidate) != candidate.lower() and fold(current) == current.lower()


def _score(wanted: list[str], entry: Entry) -> float:
    """0 if not every query word occurs; higher for exact, prefix, whole-word, short matches."""
    label = entry.folded
    if not label:
        return 0.0
    if tuple(wanted) == label:
        base = 100.0
    elif label[: len(wanted)] == tuple(wanted):
        base = 60.0
    elif _contains_run(label, wanted):
        base = 40.0
    elif all(any(w == word for word in label) for w in wanted):
        base = 25.0
    elif all(any(word.startswith(w) for word in label) for w in wanted):
        base = 10.0
    else:
        return 0.0
    coverage = len(wanted) / len(label)
    return base + 10.0 * coverage + (5.0 if entry.preferred else 0.0)


def _contains_run(label: tuple[str, ...], wanted: list[str]) -> bool:
    size = len(wanted)
    return any(list(label[i : i + size]) == wanted for i in range(len(label) - size + 1))


def _kind(entity: str) -> str:
    return entity.removeprefix(ID_BASE).split("/", 1)[0] if entity.startswith(ID_BASE) else ""
