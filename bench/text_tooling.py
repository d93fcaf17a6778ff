"""Measure Vietnamese NLP packages against the project's own pattern rules (issue 3).

Not part of the package: it needs underthesea and pyvi, which the project does not depend on, so
it runs from a throwaway venv::

    python3 -m venv /tmp/nlpvenv
    /tmp/nlpvenv/bin/pip install underthesea pyvi rdflib pyoxigraph python-docx pypdf selectolax
    PYTHONPATH=/work/main /tmp/nlpvenv/bin/python bench/text_tooling.py

On the five seed texts (``data/sources/00*.txt``) against their gold agency lists, it scores
agency candidates from underthesea's NER, from a "head noun + capitalised words" rule over three
tokenisations (raw syllables, underthesea, pyvi) and from the project's extractor; it times each
in sentences per second, checks whether the tokens can be placed back in the text (evidence needs
character offsets), and counts how many gold target numbers each way recovers. Every approach is
scored by the same rule: a candidate matches a gold agency when their folded keys
(``ingest.matching.folded_agency_key``) agree, read with no province or with the text's province.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.extract import extract_all
from ingest.extract.gold_format import to_gold_format
from ingest.extract.sentences import sentences
from ingest.matching import SourceContext, evaluate_one, folded_agency_key, match_one_to_one
from ingest.model import AgencyFact, SourceText
from ingest.resolve import Catalogue, _find_agencies, find_agencies, province_of_source
from ingest.sources import read_source
from ingest.text.dates import find_dates
from ingest.text.keys import match_key
from ingest.text.numbers import find_quantities, parse_number

ROOT = Path(__file__).resolve().parents[1]
SEED_GLOB = "00*.txt"

# Heads of Vietnamese agency names, as folded keys (ingest.text.keys.match_key).
HEAD_KEYS = frozenset(
    {
        "so",
        "bo",
        "ban",
        "uy ban",
        "ubnd",
        "hdnd",
        "hoi dong",
        "tinh uy",
        "thanh uy",
        "trung tam",
        "hiep hoi",
        "tong cong ti",
        "cong ti",
        "chinh phu",
        "quoc hoi",
        "cuc",
        "vien",
        "van phong",
        "doan",
        "thuong truc",
        "cong",
        "dien dan",
        "mat tran",
        "dang uy",
        "hoi",
    }
)
_PLACE_WORDS = frozenset({"tinh", "thanh pho"})
_CONNECTORS = frozenset({"va", "&"})


# --- the texts and their gold -----------------------------------------------------------------


@dataclass
class Seed:
    """One seed text, its sentences (normalised text) and its gold annotation."""

    source: SourceText
    gold: dict[str, Any]
    province: str | None  # label of the province the text is about, as the extractor reads it
    province_slug: str | None
    sentences: list[str] = field(default_factory=list)


def load_seeds(catalogue: Catalogue) -> list[Seed]:
    seeds = []
    for path in sorted((ROOT / "data" / "sources").glob(SEED_GLOB)):
        source = read_source(path)
        gold = json.loads((ROOT / "tests" / "gold" / f"{path.stem}.json").read_text("utf-8"))
        slug = province_of_source(source, catalogue)
        spans = sentences(source.normalised)
        texts = [s.of(source.normalised) for s in spans]
        seeds.append(Seed(source, gold, catalogue.place_label(slug), slug, texts))
    return seeds


# --- scoring agency candidates ----------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _gold_keys(agency: dict[str, Any]) -> set[str]:
    province = agency.get("province")
    names = [agency["name"]] + ([agency["abbrev"]] if agency.get("abbrev") else [])
    return {folded_agency_key(name, province) for name in names}


def _candidate_keys(name: str, province: str | None) -> set[str]:
    return {folded_agency_key(name, None), folded_agency_key(name, province)}


def score_agencies(seed: Seed, names: Iterable[str], counts: Counts) -> None:
    """Add one text's distinct candidates to ``counts`` (optional gold: neither hit nor miss).

    Candidates are distinct by their key in the text's province, so ``UBND tỉnh`` and ``UBND tỉnh
    Bình Dương`` in a Bình Dương text are one candidate, as they are one agency.
    """
    distinct: dict[str, str] = {}
    for name in names:
        distinct.setdefault(folded_agency_key(name, seed.province), name)
    candidates = list(distinct.values())
    gold = seed.gold["agencies"]

    def score(gold_item: dict[str, Any], candidate: dict[str, Any]) -> float:
        keys = _candidate_keys(candidate["name"], seed.province)
        return 1.0 if _gold_keys(gold_item) & keys else 0.0

    pairs, unmatched_gold, unmatched_candidates = match_one_to_one(
        gold, [{"name": c} for c in candidates], score
    )
    counts.tp += sum(1 for g, _ in pairs if not gold[g].get("optional"))
    for g in unmatched_gold:
        if not gold[g].get("optional"):
            counts.fn += 1
            counts.misses.append(gold[g]["name"])
    counts.fp += len(unmatched_candidates)
    counts.false_hits.extend(candidates[c] for c in unmatched_candidates)


# --- the approaches ---------------------------------------------------------------------------


def syllable_tokens(sentence: str) -> list[str]:
    """No segmenter: every syllable and punctuation mark is a token."""
    return re.findall(r"\w+|[^\w\s]", sentence)


def _capitalised(token: str) -> bool:
    return any(word[:1].isupper() for word in token.split())


def head_noun_rule(tokens: list[str]) -> list[str]:
    """Names as "head noun + capitalised words": ``Sở`` ``Khoa học`` ``và`` ``Công nghệ`` ….

    A head (one token, or two when the tokeniser split it: ``Ủy`` ``ban``) must be capitalised;
    it is extended by capitalised tokens, by ``và``/``&`` between capitalised tokens and by
    ``tỉnh``/``thành phố`` (before a place or closing the name: ``UBND tỉnh``). A bare head counts
    only when it is several syllables or an abbreviation (``Chính phủ``, ``Tỉnh ủy``, ``UBND``).
    """
    names = []
    index = 0
    while index < len(tokens):
        head_len = 0
        for width in (2, 1):
            parts = tokens[index : index + width]
            words_only = len(parts) == width and all(match_key(part) for part in parts)
            if words_only and match_key(" ".join(parts)) in HEAD_KEYS:
                head_len = width
                break
        if not head_len or not tokens[index][:1].isupper():
            index += 1
            continue
        end = index + head_len
        while end < len(tokens):
            key = match_key(tokens[end])
            following = tokens[end + 1] if end + 1 < len(tokens) else ""
            if _capitalised(tokens[end]):
                end += 1
            elif key in _CONNECTORS and _capitalised(following):
                end += 2
            elif key in _PLACE_WORDS:
                end += 1
            elif key == "thanh" and match_key(following) == "pho":
                end += 2
            else:
                break
        head_text = " ".join(tokens[index : index + head_len])
        bare_ok = len(head_text.split()) > 1 or head_text.isupper()
        if end > index + head_len or bare_ok:
            names.append(" ".join(tokens[index:end]))
        index = max(end, index + 1)
    return names


def ner_entities(tagged: list[tuple[str, ...]], kinds: tuple[str, ...]) -> list[str]:
    """Join underthesea's BIO NER tags into entity strings of the given kinds."""
    entities, current = [], []
    for token, *_, tag in tagged:
        if tag.startswith("B-") and tag[2:] in kinds:
            if current:
                entities.append(" ".join(current))
            current = [token]
        elif tag.startswith("I-") and tag[2:] in kinds and current:
            current.append(token)
        else:
            if current:
                entities.append(" ".join(current))
            current = []
    if current:
        entities.append(" ".join(current))
    return entities


@dataclass
class Approach:
    """A way to get agency candidates from one sentence, and its tokens (for offsets)."""

    name: str
    candidates: Callable[[str], list[str]]
    tokens: Callable[[str], list[str]] | None


def make_approaches() -> list[Approach]:
    from pyvi import ViTokenizer
    from underthesea import ner, word_tokenize

    def pyvi_tokens(sentence: str) -> list[str]:
        return [t.replace("_", " ") for t in ViTokenizer.tokenize(sentence).split()]

    return [
        Approach(
            "underthesea ner (ORG+LOC)",
            lambda s: ner_entities(ner(s), ("ORG", "LOC")),
            lambda s: [t[0] for t in ner(s)],
        ),
        Approach("underthesea ner (ORG only)", lambda s: ner_entities(ner(s), ("ORG",)), None),
        Approach(
            "syllables + head-noun rule",
            lambda s: head_noun_rule(syllable_tokens(s)),
            syllable_tokens,
        ),
        Approach(
            "underthesea word_tokenize + rule",
            lambda s: head_noun_rule(word_tokenize(s)),
            word_tokenize,
        ),
        Approach("pyvi ViTokenizer + rule", lambda s: head_noun_rule(pyvi_tokens(s)), pyvi_tokens),
    ]


# --- offsets ----------------------------------------------------------------------------------


def alignment(sentence: str, tokens: list[str]) -> tuple[int, int]:
    """(tokens found verbatim in order, tokens) — can each token be given a character offset?"""
    cursor, found = 0, 0
    for token in tokens:
        position = sentence.find(token, cursor)
        if position >= 0:
            found += 1
            cursor = position + len(token)
    return found, len(tokens)


def changed_tokens(sentence: str, tokens: list[str]) -> list[str]:
    """Tokens that are not substrings of the sentence at all (the tool rewrote the text)."""
    return [t for t in tokens if t not in sentence]


# --- timing -----------------------------------------------------------------------------------


def sentences_per_second(run: Callable[[], object], sentence_count: int, budget: float) -> float:
    """Sentences per second of the fastest of the passes ``run`` makes within ``budget`` seconds.

    The fastest pass, not the mean: the machine is shared, and other work only ever slows a pass.
    """
    run()  # load models outside the timing
    best, spent = float("inf"), 0.0
    while spent < budget:
        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        best, spent = min(best, elapsed), spent + elapsed
    return sentence_count / best


def each_sentence(find: Callable[[str], object], texts: list[str]) -> Callable[[], None]:
    def run() -> None:
        for text in texts:
            find(text)

    return run


# --- numbers ----------------------------------------------------------------------------------


@dataclass
class NumberCounts:
    targets: int = 0
    project_value: int = 0
    project_value_unit: int = 0
    ut_token_intact: int = 0
    ut_token_numeral: int = 0
    ut_value_naive: int = 0
    ut_value_with_parser: int = 0
    project_target_unit: int = 0
    ut_next_word_unit: int = 0
    pyvi_next_word_unit: int = 0
    years_in_quote: int = 0
    project_years: int = 0
    ut_years: int = 0
    misses: list[str] = field(default_factory=list)


def _unit_key(unit: str | None) -> str:
    return re.sub(r"[^a-z0-9%/]", "", match_key(unit or "").replace(" ", ""))


def _naive_float(token: str) -> float | None:
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def _written_number(quote: str, value: float) -> str | None:
    """The number as written in the quote whose Vietnamese reading is ``value``."""
    for written in re.findall(r"\d+(?:[.,]\d+)*", quote):
        if parse_number(written) == value:
            return written
    return None


def _next_word_unit(tokens: list[str], written: str | None, unit: str) -> bool:
    """Is the token after the number the gold unit? (A segmenter's guess at a count's noun.)"""
    for index, token in enumerate(tokens[:-1]):
        if written and token == written:
            return _unit_key(tokens[index + 1]) == _unit_key(unit)
    return False


def count_numbers(seeds: list[Seed], catalogue: Catalogue, counts: NumberCounts) -> None:
    from pyvi import ViTokenizer
    from underthesea import pos_tag, word_tokenize

    for seed in seeds:
        text = seed.source.normalised
        quantities = find_quantities(text)
        dates = find_dates(text, seed.source.meta.date)
        predicted = to_gold_format(extract_all(seed.source, catalogue), catalogue)["targets"]
        context = SourceContext(seed.source.original)
        for target in seed.gold["targets"]:
            quote = target["quote"]
            start = text.find(quote)
            if start < 0:
                counts.misses.append(f"quote not in normalised text: {quote}")
                continue
            end = start + len(quote)
            counts.targets += 1
            inside = [q for q in quantities if q.start < end and start < q.end]
            value = float(target["value"])
            if any(q.value == value for q in inside):
                counts.project_value += 1
            else:
                counts.misses.append(f"find_quantities missed {target['value']}: {quote}")
            if any(
                q.value == value and _unit_key(q.unit) == _unit_key(target["unit"]) for q in inside
            ):
                counts.project_value_unit += 1
            tagged = pos_tag(quote)
            written = _written_number(quote, value)
            if written and any(token == written for token, _ in tagged):
                counts.ut_token_intact += 1
            if written and any(token == written and tag == "M" for token, tag in tagged):
                counts.ut_token_numeral += 1
            if any(_naive_float(token) == value for token, _ in tagged):
                counts.ut_value_naive += 1
            if any(parse_number(token) == value for token, _ in tagged if token[:1].isdigit()):
                counts.ut_value_with_parser += 1
            if any(
                p["value"] == value
                and _unit_key(p["unit"]) == _unit_key(target["unit"])
                and context.quotes_overlap(quote, p["quote"] or "", p)
                for p in predicted
            ):
                counts.project_target_unit += 1
            if _next_word_unit(word_tokenize(quote), written, target["unit"]):
                counts.ut_next_word_unit += 1
            pyvi_tokens = [t.replace("_", " ") for t in ViTokenizer.tokenize(quote).split()]
            if _next_word_unit(pyvi_tokens, written, target["unit"]):
                counts.pyvi_next_word_unit += 1
            year = target.get("year")
            if year and str(year) in quote:
                counts.years_in_quote += 1
                if any(
                    d.start < end and start < d.end and str(year) in text[d.start : d.end]
                    for d in dates
                ):
                    counts.project_years += 1
                if any(token == str(year) and tag == "M" for token, tag in tagged):
                    counts.ut_years += 1


# --- the run ----------------------------------------------------------------------------------


def project_agencies(seed: Seed, catalogue: Catalogue) -> list[str]:
    facts = extract_all(seed.source, catalogue)
    return [f.agency.name for f in facts if isinstance(f, AgencyFact)]


def official_project_score(seeds: list[Seed], catalogue: Catalogue) -> tuple[int, int, int]:
    """The extractor's agency score by the project's own scorer (``ingest.matching``)."""
    tp = fp = fn = 0
    for seed in seeds:
        predicted = to_gold_format(extract_all(seed.source, catalogue), catalogue)
        scores, _, _ = evaluate_one(
            seed.source.source_id, seed.gold, predicted, source_text=seed.source.original
        )
        agencies = scores["agencies"]
        tp, fp, fn = tp + agencies.tp, fp + agencies.fp, fn + agencies.fn
    return tp, fp, fn


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of timing per approach")
    parser.add_argument("--verbose", action="store_true", help="list misses and false hits")
    args = parser.parse_args(argv)

    catalogue = Catalogue.load(ROOT / "data" / "curated")
    seeds = load_seeds(catalogue)
    all_sentences = [s for seed in seeds for s in seed.sentences]
    required = sum(1 for seed in seeds for a in seed.gold["agencies"] if not a.get("optional"))
    print(
        f"{len(seeds)} texts, {len(all_sentences)} sentences, "
        f"{sum(len(seed.source.normalised) for seed in seeds):,} characters, "
        f"{required} required gold agencies"
    )

    rows = []
    for approach in make_approaches():
        counts = Counts()
        for seed in seeds:
            names = [name for s in seed.sentences for name in approach.candidates(s)]
            score_agencies(seed, names, counts)
        speed = sentences_per_second(
            each_sentence(approach.candidates, all_sentences), len(all_sentences), args.budget
        )
        offsets = "no"
        if approach.tokens is not None:
            found = total = 0
            rewritten: list[str] = []
            for sentence in all_sentences:
                tokens = approach.tokens(sentence)
                f, t = alignment(sentence, tokens)
                found, total = found + f, total + t
                rewritten.extend(changed_tokens(sentence, tokens))
            given = "yes" if approach.tokens is syllable_tokens else "no"
            offsets = f"{given}; {found / total:.1%} re-alignable"
            if rewritten:
                offsets += f", rewrites e.g. {rewritten[0]!r}"
        rows.append((approach.name, counts, speed, offsets))

    for patterns in (False, True):
        counts = Counts()
        for seed in seeds:
            by_identity: dict[str, str] = {}  # one name per agency, as the extractor keeps it
            for s in seed.sentences:
                for m in find_agencies(s, catalogue, seed.province_slug, patterns):
                    if not m.ref.collective:
                        by_identity.setdefault(m.ref.key, m.ref.name)
            score_agencies(seed, by_identity.values(), counts)

        def run(patterns: bool = patterns) -> None:
            for seed in seeds:
                for s in seed.sentences:
                    _find_agencies(s, catalogue, seed.province_slug, patterns)

        speed = sentences_per_second(run, len(all_sentences), args.budget)
        label = "curated names + patterns" if patterns else "curated names only"
        rows.append((f"project find_agencies: {label}", counts, speed, "yes: normalised text"))

    counts = Counts()
    for seed in seeds:
        score_agencies(seed, project_agencies(seed, catalogue), counts)

    def run_extractor() -> None:
        for seed in seeds:
            extract_all(seed.source, catalogue)

    speed = sentences_per_second(run_extractor, len(all_sentences), args.budget)
    rows.append(
        ("project extract_all (every fact)", counts, speed, "yes: evidence spans, original text")
    )

    print()
    print("| approach | TP | FP | FN | P | R | F1 | sentences/s | char offsets |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, c, speed, offsets in rows:
        print(
            f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.2f} | {c.recall:.2f} "
            f"| {c.f1:.2f} | {speed:,.0f} | {offsets} |"
        )
    tp, fp, fn = official_project_score(seeds, catalogue)
    print(f"\nproject extractor by ingest.matching.evaluate_one: TP {tp}, FP {fp}, FN {fn}")

    numbers = NumberCounts()
    count_numbers(seeds, catalogue, numbers)
    n = numbers.targets
    print(f"\nNumbers in {n} gold target quotes:")
    print("| approach | recovered |")
    print("|---|---:|")
    print(f"| find_quantities: value | {numbers.project_value}/{n} |")
    print(f"| find_quantities: value and unit | {numbers.project_value_unit}/{n} |")
    print(f"| project targets extractor: value and unit | {numbers.project_target_unit}/{n} |")
    print(
        f"| underthesea word_tokenize: value, next word as unit | {numbers.ut_next_word_unit}/{n} |"
    )
    print(f"| pyvi: value, next word as unit | {numbers.pyvi_next_word_unit}/{n} |")
    print(f"| underthesea pos_tag: number kept as one token | {numbers.ut_token_intact}/{n} |")
    print(f"| underthesea pos_tag: that token tagged M | {numbers.ut_token_numeral}/{n} |")
    print(f"| underthesea token, value by float() | {numbers.ut_value_naive}/{n} |")
    print(f"| underthesea token, value by parse_number | {numbers.ut_value_with_parser}/{n} |")
    y = numbers.years_in_quote
    print(f"| find_dates: year in the quote | {numbers.project_years}/{y} |")
    print(f"| underthesea: year token tagged M | {numbers.ut_years}/{y} |")

    if args.verbose:
        for name, c, _, _ in rows:
            print(f"\n{name}\n  misses: {c.misses}\n  false hits: {c.false_hits}")
        print("\nnumber misses:", *numbers.misses, sep="\n  ")


if __name__ == "__main__":
    main()
