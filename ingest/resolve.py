"""Entity resolution: names as written → curated agencies, places and indicators.

Matching works on folded word tokens (no diacritics, y = i, ``và``/``&`` ignored, common
administrative abbreviations expanded), so ``Sở KH&CN``, ``Sở Khoa học và Công nghệ`` and
``SỞ KHOA HỌC VÀ CÔNG NGHỆ`` meet. Provincial bodies are also indexed under their name with the
province taken out (``Sở Khoa học và Công nghệ``), so that a text about any province resolves
them with the province from context, and an uncurated province still gets the same key shape
(``so-khcn-dong-nai``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ingest.model import AgencyRef, SourceText
from ontology.namespaces import ID_BASE, PG
from ontology.slugs import fold, slugify

Tokens = tuple[str, ...]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    if len(folded) != 1:
        lowered = char.lower()
        return lowered if len(lowered) == 1 else char
    return "i" if folded == "y" else folded


def fold_keep_length(text: str) -> str:
    """Lowercase, diacritics off, đ → d, y → i (tỉ/tỷ, kĩ/kỹ); one character for one character."""
    return "".join(_fold_char(c) for c in text)


# Abbreviations of administrative language, expanded in every key (text and labels alike).
_EXPANSIONS: dict[Tokens, Tokens] = {
    ("ubnd",): ("ui", "ban", "nhan", "dan"),
    ("hdnd",): ("hoi", "dong", "nhan", "dan"),
    ("bcd",): ("ban", "chi", "dao"),
    ("mttq",): ("mat", "tran", "to", "quoc"),
    ("khcn",): ("khoa", "hoc", "cong", "nghe"),
    ("kh", "cn"): ("khoa", "hoc", "cong", "nghe"),
    ("tt", "tt"): ("thong", "tin", "truien", "thong"),
    ("tttt",): ("thong", "tin", "truien", "thong"),
    ("gd", "dt"): ("giao", "duc", "dao", "tao"),
    ("gddt",): ("giao", "duc", "dao", "tao"),
    ("dmst",): ("doi", "moi", "sang", "tao"),
    ("cds",): ("chuien", "doi", "so"),
    ("tp",): ("thanh", "pho"),
    ("hcm",): ("ho", "chi", "minh"),
    ("tw",): ("trung", "uong"),
    ("dbqh",): ("dai", "bieu", "quoc", "hoi"),
}
_DROPPED = {"va", "&"}

# Bodies every province has, by their name without the province, and the code their keys use
# (``so-khcn`` → ``so-khcn-binh-duong``). Curated provincial agencies take precedence.
PROVINCIAL_BODIES: tuple[tuple[str, str, str], ...] = (
    ("Tỉnh ủy", "tinh-uy", "provincial"),
    ("Thành ủy", "thanh-uy", "provincial"),
    ("Thường trực Tỉnh ủy", "thuong-truc-tinh-uy", "provincial"),
    ("Ban Thường vụ Tỉnh ủy", "btv-tinh-uy", "provincial"),
    ("Ủy ban nhân dân tỉnh", "ubnd", "provincial"),
    ("Ủy ban nhân dân thành phố", "ubnd", "provincial"),
    ("Ủy ban nhân dân", "ubnd", "provincial"),
    ("Hội đồng nhân dân tỉnh", "hdnd", "provincial"),
    ("Hội đồng nhân dân", "hdnd", "provincial"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "ub-mttq", "provincial"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "ub-mttq", "provincial"),
    ("Đoàn Đại biểu Quốc hội tỉnh", "doan-dbqh", "provincial"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "vp-ubnd", "provincial"),
    ("Văn phòng Tỉnh ủy", "vp-tinh-uy", "provincial"),
    ("Sở Khoa học và Công nghệ", "so-khcn", "provincial"),
    ("Sở Thông tin và Truyền thông", "so-tttt", "provincial"),
    ("Sở Giáo dục và Đào tạo", "so-gddt", "provincial"),
    ("Sở Kế hoạch và Đầu tư", "so-khdt", "provincial"),
    ("Sở Tài chính", "so-tai-chinh", "provincial"),
    ("Sở Nội vụ", "so-noi-vu", "provincial"),
    ("Sở Tư pháp", "so-tu-phap", "provincial"),
    ("Sở Công Thương", "so-cong-thuong", "provincial"),
    ("Sở Xây dựng", "so-xay-dung", "provincial"),
    ("Sở Y tế", "so-y-te", "provincial"),
    ("Sở Ngoại vụ", "so-ngoai-vu", "provincial"),
    ("Sở Nông nghiệp và Môi trường", "so-nnmt", "provincial"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "so-nnptnt", "provincial"),
    ("Sở Tài nguyên và Môi trường", "so-tnmt", "provincial"),
    ("Sở Lao động - Thương binh và Xã hội", "so-ldtbxh", "provincial"),
    ("Sở Văn hóa, Thể thao và Du lịch", "so-vhttdl", "provincial"),
    ("Sở Giao thông vận tải", "so-gtvt", "provincial"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "ubkt-tinh-uy", "provincial"),
    ("Đảng ủy Ủy ban nhân dân tỉnh", "dang-uy-ubnd", "provincial"),
    ("Đảng ủy các cơ quan Đảng tỉnh", "dang-uy-cac-co-quan-dang", "provincial"),
    ("Ban Tuyên giáo và Dân vận", "ban-tgdv", "provincial"),
    ("Ban Tuyên giáo", "ban-tuyen-giao", "provincial"),
    ("Ban Dân vận", "ban-dan-van", "provincial"),
    ("Ban Tổ chức", "ban-to-chuc", "provincial"),
    ("Ban Nội chính", "ban-noi-chinh", "provincial"),
    ("Công an tỉnh", "cong-an", "provincial"),
    (
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "bcd-nq57",
        "provincial",
    ),
)
_TOKEN = re.compile(r"[a-z0-9]+|&|[;:!?\n]|\.(?=\s|$)")
_BREAK = "|"
_ABBREV_IN_PARENS = re.compile(r"(?<=\w) \([a-z&]{2,10}\)(?= \w)")
_PROVINCE_WORDS = (("tinh",), ("thanh", "pho"))
# Titles of people: "Bí thư Tỉnh ủy X" speaks for Tỉnh ủy X.
_POSITION = re.compile(
    r"^\s*(?:(?:ông|bà|đồng chí|đ/c)\s+)?(?:(?:phó|thường trực|quyền|nguyên|ủy viên|uỷ viên)\s+)*"
    r"(?:bí thư|chủ tịch|bộ trưởng|thứ trưởng|giám đốc|trưởng ban|trưởng đoàn|chánh văn phòng|"
    r"thủ trưởng|lãnh đạo|tổng giám đốc|viện trưởng|hiệu trưởng|trưởng)"
    r"(?:\s+thường trực)?\s+",
    re.IGNORECASE,
)
_COLLECTIVE = re.compile(
    r"^\s*(?:các\s+)?(?:bộ|sở|cơ quan|địa phương)\s*,\s*(?:ngành|cơ quan)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Folded word tokens with their offsets in ``text``; abbreviations expanded, ``và`` dropped.

    Sentence punctuation becomes a break token, so no name is matched across it.
    """
    folded = _ABBREV_IN_PARENS.sub(lambda m: " " * len(m.group()), fold_keep_length(text))
    raw = [
        Token(_BREAK if m.group() in ".;:!?\n" else m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(folded)
    ]
    result: list[Token] = []
    index = 0
    while index < len(raw):
        for width in (3, 2, 1):
            window = raw[index : index + width]
            words = tuple(t.key for t in window if t.key != "&")
            if (
                len(window) == width
                and words in _EXPANSIONS
                and (width == 1 or window[1].key == "&")
            ):
                result.extend(Token(k, window[0].start, window[-1].end) for k in _EXPANSIONS[words])
                index += width
                break
        else:
            if raw[index].key not in _DROPPED:
                result.append(raw[index])
            index += 1
    return result


@lru_cache(maxsize=65536)
def name_key(text: str) -> Tokens:
    """The key of a name: its folded tokens as a tuple."""
    return tuple(t.key for t in tokens(text) if t.key != _BREAK)


@dataclass(frozen=True)
class AgencyEntry:
    key: str
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...] = ()
    level: str | None = None
    province: str | None = None
    collective: bool = False

    @property
    def code(self) -> str:
        """The key without its province suffix: ``so-khcn-binh-duong`` → ``so-khcn``."""
        if self.province and self.key.endswith("-" + self.province):
            return self.key[: -len(self.province) - 1]
        return self.key


@dataclass(frozen=True)
class PlaceEntry:
    key: str
    labels: tuple[str, ...]
    is_nation: bool = False


@dataclass(frozen=True)
class IndicatorEntry:
    key: str
    labels: tuple[str, ...]
    default_unit: str | None = None


@dataclass(frozen=True)
class ThemeEntry:
    """A curated theme: its heading (prefLabel), short forms (altLabel) and keywords (hidden)."""

    key: str
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentEntry:
    key: str
    number: str
    doc_type: str
    year: int | None = None


@dataclass
class Catalogue:
    """The curated agencies, places, indicators (and documents) with their match keys."""

    agencies: dict[str, AgencyEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    indicators: dict[str, IndicatorEntry] = field(default_factory=dict)
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    themes: dict[str, ThemeEntry] = field(default_factory=dict)
    agency_index: dict[Tokens, str] = field(default_factory=dict)
    generic_index: dict[Tokens, dict[str | None, str]] = field(default_factory=dict)
    generic_codes: dict[Tokens, str] = field(default_factory=dict)
    place_index: dict[Tokens, str] = field(default_factory=dict)
    max_name_tokens: int = 1
    # Results computed once per catalogue (theme index, agency mentions of a text): the
    # catalogue is read-only after loading, so what is derived from it stays valid.
    cache: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_graph(cls, graph: Graph) -> Catalogue:
        """Read agencies, places, indicators and documents from curated triples."""
        catalogue = cls()
        subjects = {
            s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ID_BASE)
        }
        for subject in sorted(subjects):
            kind, _, slug = str(subject)[len(ID_BASE) :].partition("/")
            labels = _labels(graph, subject, (RDFS.label, SKOS.prefLabel))
            alts = _labels(graph, subject, (SKOS.altLabel, SKOS.hiddenLabel))
            if kind == "agency":
                types = {_local(t) for t in graph.objects(subject, RDF.type)}
                catalogue.agencies[slug] = AgencyEntry(
                    slug,
                    labels,
                    alts,
                    _local_of(graph, subject, PG.level),
                    _local_of(graph, subject, PG.jurisdiction),
                    "CollectiveAgency" in types,
                )
            elif kind == "place":
                types = {_local(t) for t in graph.objects(subject, RDF.type)}
                catalogue.places[slug] = PlaceEntry(slug, labels + alts, "Nation" in types)
            elif kind == "indicator":
                unit = graph.value(subject, PG.defaultUnit)
                catalogue.indicators[slug] = IndicatorEntry(
                    slug, labels + alts, str(unit) if unit else None
                )
            elif kind == "theme" and (subject, RDF.type, PG.Theme) in graph:
                catalogue.themes[slug] = ThemeEntry(
                    slug,
                    labels,
                    _labels(graph, subject, (SKOS.altLabel,)),
                    _labels(graph, subject, (SKOS.hiddenLabel,)),
                )
            elif kind == "document":
                number = graph.value(subject, DCTERMS.identifier)
                issued = graph.value(subject, DCTERMS.issued)
                types = sorted(_local(t) for t in graph.objects(subject, RDF.type))
                year = int(str(issued)[:4]) if issued and str(issued)[:4].isdigit() else None
                if number:
                    doc_type = next((t for t in types if t != "PolicyDocument"), "Other")
                    catalogue.documents[slug] = DocumentEntry(slug, str(number), doc_type, year)
        catalogue._index()
        return catalogue

    @classmethod
    def load(cls, curated_dir: Path) -> Catalogue:
        """Parse every ``*.ttl`` under ``curated_dir`` into one graph and read it.

        Oxigraph's parser reads the curated files two orders of magnitude faster than rdflib's.
        """
        graph = Graph()
        for path in sorted(Path(curated_dir).glob("*.ttl")):
            for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
                if quad.predicate.value not in _CATALOGUE_PREDICATES:
                    continue
                graph.add(
                    (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
                )
        return cls.from_graph(graph)

    def _index(self) -> None:
        for place in self.places.values():
            for label in (*place.labels, place.key.replace("-", " ")):
                key = name_key(label)
                if key:
                    self.place_index.setdefault(key, place.key)
                    for words in _PROVINCE_WORDS:
                        if key[: len(words)] == words and len(key) > len(words):
                            self.place_index.setdefault(key[len(words) :], place.key)
        owners: dict[Tokens, set[str]] = {}
        for agency in self.agencies.values():
            for label in (*agency.labels, *agency.alt_labels):
                owners.setdefault(name_key(label), set()).add(agency.key)
        for agency in self.agencies.values():
            for label in (*agency.labels, *agency.alt_labels):
                key = name_key(label)
                if not key:
                    continue
                if len(owners[key]) == 1 or not agency.province:
                    self.agency_index.setdefault(key, agency.key)
                else:  # "Sở Khoa học và Công nghệ" names one body in each province
                    self.generic_index.setdefault(key, {}).setdefault(agency.province, agency.key)
                    self.generic_codes.setdefault(key, agency.code)
                if agency.province:
                    for generic in self._generic_keys(key, agency.province):
                        self.generic_index.setdefault(generic, {}).setdefault(
                            agency.province, agency.key
                        )
                        self.generic_codes.setdefault(generic, agency.code)
                elif agency.level == "provincial" or agency.collective:
                    continue
        for label, code, _ in PROVINCIAL_BODIES:
            key = name_key(label)
            self.generic_index.setdefault(key, {})
            self.generic_codes.setdefault(key, code)
            for words in _PROVINCE_WORDS:
                if key[-len(words) :] == words and len(key) > len(words):
                    self.generic_index.setdefault(key[: -len(words)], {})
                    self.generic_codes.setdefault(key[: -len(words)], code)
        lengths = [len(k) for k in (*self.agency_index, *self.generic_index, *self.place_index)]
        self.max_name_tokens = max(lengths, default=1)

    def _generic_keys(self, key: Tokens, province: str) -> list[Tokens]:
        """``Sở … tỉnh Bình Dương`` → ``Sở … tỉnh`` and ``Sở …``: the name without its province."""
        result = []
        for place_key, slug in self.place_index.items():
            if slug != province or not place_key:
                continue
            for index in range(1, len(key) - len(place_key) + 1):
                if key[index : index + len(place_key)] == place_key:
                    stripped = key[:index] + key[index + len(place_key) :]
                    result.append(stripped)
                    for words in _PROVINCE_WORDS:
                        if stripped[index - len(words) : index] == words and index - len(words) > 0:
                            result.append(stripped[: index - len(words)] + stripped[index:])
        return [k for k in result if k and k not in _PROVINCE_WORDS]

    def place_label(self, slug: str | None) -> str | None:
        """The first label of a place, for gold output ("Bình Dương")."""
        place = self.places.get(slug or "")
        return place.labels[0] if place and place.labels else None


_CATALOGUE_PREDICATES = {
    str(p)
    for p in (
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.hiddenLabel,
        PG.level,
        PG.jurisdiction,
        PG.defaultUnit,
        DCTERMS.identifier,
        DCTERMS.issued,
    )
}


def _to_rdflib(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _labels(graph: Graph, subject: URIRef, predicates: Iterable[URIRef]) -> tuple[str, ...]:
    found: list[str] = []
    for predicate in predicates:
        for value in graph.objects(subject, predicate):
            if (
                isinstance(value, Literal)
                and value.language not in ("en",)
                and str(value) not in found
            ):
                found.append(str(value))
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def _local(term: object) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1]


def _local_of(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    value = graph.value(subject, predicate)
    return _local(value) if value is not None else None


# ---------------------------------------------------------------------------------------------
# Agencies in running text

_HEADS = (
    "Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Ủy ban|Uỷ ban|Hội đồng|Ban Chỉ "
    "đạo|Ban|Bộ|Sở|"
    "Trung tâm|Viện|Trường Đại học|Trường|Đại học|Học viện|Tổng Công ty|Tổng công ty|Công ty|"
    "Tập đoàn|Hiệp hội|Tổ giúp việc|Tổ công tác|Văn phòng|Tổng cục|Cục|Quỹ|Liên hiệp|Ngân hàng|"
    "Đài|Thông tấn xã|Báo|Kho bạc|Thanh tra|Công an|Bộ Chỉ huy|Đoàn|Hội"
)
_NAME_HEAD = re.compile(rf"(?<![\w])(?:{_HEADS})(?![\w])")
_WORD = re.compile(r"[\w&\-.]+")
_STOP_WORDS = {
    "tỉnh",
    "thành",
    "huyện",
    "xã",
    "là",
    "có",
    "đã",
    "sẽ",
    "được",
    "chủ",
    "phối",
    "cùng",
    "với",
    "về",
    "trên",
    "tại",
    "của",
    "cho",
    "để",
    "và",
    "các",
    "những",
    "trong",
    "theo",
    "đề",
    "tham",
    "thực",
    "tổ",
    "triển",
    "xây",
    "hoàn",
    "nghiên",
    "giao",
    "đẩy",
    "phát",
    "này",
    "đó",
    "khác",
    "ngành",
    "liên",
    "quan",
    "cần",
    "phải",
    "đang",
    "thì",
    "mà",
    "nhằm",
    "từ",
    "đến",
}
_PLACE_PATTERN = re.compile(
    r"(?<![\w])(?:tỉnh|thành phố|TP\.?)\s*((?:[A-ZĐ][\w]*)(?:\s+[A-ZĐ][\w]*){0,3})"
)


@dataclass(frozen=True)
class AgencyMention:
    """An agency named at [start, end) of a text."""

    start: int
    end: int
    ref: AgencyRef


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


_SURNAMES = {
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Đoàn",
    "Trương",
    "Lâm",
    "Mai",
    "Tô",
    "Châu",
    "Lương",
}
_COMMITTEE_HEAD = re.compile(r"Ban Chỉ đạo|Hội đồng|Ủy ban|Uỷ ban|Tổ công tác|Tổ giúp việc")
_COMMITTEE_TAIL = re.compile(
    r"\s+(?:\([A-ZĐ&]{2,10}\)\s+)?về\s+[^.;:!?\n()]{3,160}?(?:(?:trên địa bàn\s+)?(?:tỉnh|thành"
    r" phố)"
    r"(?:\s+[A-ZĐ][\w]*){0,3}|quốc gia|Trung ương)(?![\w])"
)
_LOWER_NAME_TAIL = re.compile(r"(?:\s+[a-zđ\w]+){1,5}?\s+(?:quốc gia|Việt Nam|cấp tỉnh)(?![\w])")
_LOWER_NAME_HEADS = {"Hiệp hội", "Hội đồng", "Trung tâm", "Viện", "Quỹ", "Hội"}


def _pattern_names(text: str) -> list[tuple[int, int]]:
    """Spans of "head noun + name" bodies (Sở Xây dựng, Trung tâm ICISE, Hiệp hội … quốc gia)."""
    spans = []
    for head in _NAME_HEAD.finditer(text):
        if head.start() and (text[head.start() - 1].isalnum()):
            continue
        committee = (
            _COMMITTEE_TAIL.match(text, head.end())
            if _COMMITTEE_HEAD.fullmatch(head.group())
            else None
        )
        if committee:
            spans.append((head.start(), committee.end()))
            continue
        if head.group() == "Tổ giúp việc":
            following = _NAME_HEAD.match(text, head.end() + 1)
            if following:
                spans.append((head.start(), _capitalised_end(text, following.end())))
                continue
        end = _capitalised_end(text, head.end())
        if end > head.end():
            spans.append((head.start(), end))
        elif head.group() in _LOWER_NAME_HEADS:
            lower = _LOWER_NAME_TAIL.match(text, head.end())
            if lower and not set(lower.group().split()) & _STOP_WORDS:
                spans.append((head.start(), lower.end()))
    return spans


def _capitalised_end(text: str, position: int) -> int:
    """Where a name of capitalised words (with their lowercase second syllables) ends."""
    words = 0
    previous_capital = True
    while True:
        match = _WORD.match(text, position + 1) if text[position : position + 1] == " " else None
        if not match:
            # "Bộ Văn hóa, Thể thao và Du lịch": a comma inside a name before "X y và Z".
            if (
                words
                and re.match(r", [A-ZĐ][\w]* [\w]+ và [A-ZĐ]", text[position:])
                and not _NAME_HEAD.match(text, position + 2)
            ):
                position += 1
                continue
            return position
        word = match.group().rstrip(".-")
        if not word:
            return position
        if _is_capitalised(word) and not _NAME_HEAD.fullmatch(word):
            if word in _SURNAMES and words >= 1:
                return position
            previous_capital = True
        elif (
            word == "và"
            and words
            and re.match(r" [A-ZĐ]", text[match.end() :])
            and not _NAME_HEAD.match(text, match.end() + 1)
        ) or (previous_capital and words and word.islower() and word not in _STOP_WORDS):
            previous_capital = False
        else:
            return position
        words += 1
        position = match.start() + len(word)


def _province_suffix(
    toks: list[Token], index: int, catalogue: Catalogue, text: str
) -> tuple[str | None, int, bool]:
    """A province named at token ``index`` ("tỉnh Bình Dương", "Bình Dương", bare "tỉnh").

    Returns (place slug or None, tokens consumed, whether a bare "tỉnh" was consumed).
    """
    for words in ((), *_PROVINCE_WORDS):
        lead = tuple(t.key for t in toks[index : index + len(words)])
        if lead != words:
            continue
        start = index + len(words)
        for width in range(min(5, len(toks) - start), 0, -1):
            key = tuple(t.key for t in toks[start : start + width])
            slug = catalogue.place_index.get(key)
            if slug and (words or text[toks[start].start].isupper()):
                return slug, len(words) + width, False
        if words:
            match = _PLACE_PATTERN.match(text, toks[index].start)
            if match and match.group(1) and not _NAME_HEAD.match(match.group(1)):
                width = len(name_key(match.group(1)))
                return slugify(match.group(1)), len(words) + width, False
            return None, len(words), True
    return None, 0, False


MEMO_TEXTS = 16  # texts whose agency mentions a catalogue remembers (several extractors ask)


def find_agencies(
    text: str, catalogue: Catalogue, province: str | None = None, patterns: bool = True
) -> list[AgencyMention]:
    """Every agency named in ``text``: curated names first (longest match), then name patterns.

    The result is remembered by the catalogue for the last few texts: the agency, assignment and
    meeting extractors each read a whole source's mentions.
    """
    memo = catalogue.cache.setdefault("agencies", {})
    assert isinstance(memo, dict)
    key = (text, province, patterns)
    found = memo.get(key)
    if found is None:
        found = _find_agencies(text, catalogue, province, patterns)
        if len(memo) >= MEMO_TEXTS:
            memo.pop(next(iter(memo)))
        memo[key] = found
    return list(found)


def _find_agencies(
    text: str, catalogue: Catalogue, province: str | None, patterns: bool
) -> list[AgencyMention]:
    toks = tokens(text)
    keys = [t.key for t in toks]
    mentions: list[AgencyMention] = []
    index = 0
    while index < len(toks):
        found = None
        for width in range(min(catalogue.max_name_tokens, len(toks) - index), 0, -1):
            key = tuple(keys[index : index + width])
            if _BREAK in key:
                continue
            if key in catalogue.agency_index:
                found = ("full", width, key)
                break
            if key in catalogue.generic_index:
                found = ("generic", width, key)
                break
        if not found or not _acceptable_start(text, toks[index].start, found, catalogue):
            index += 1
            continue
        kind, width, key = found
        end_index = index + width
        if kind == "full":
            entry = catalogue.agencies[catalogue.agency_index[key]]
            place, used, _ = _province_suffix(toks, end_index, catalogue, text)
            if place and place == entry.province:
                end_index += used
            ref = _ref_of(entry, text[toks[index].start : toks[end_index - 1].end])
        else:
            place, used, _ = _province_suffix(toks, end_index, catalogue, text)
            end_index += used
            ref = _generic_ref(
                key, place or province, catalogue, text[toks[index].start : toks[end_index - 1].end]
            )
        if ref.collective:
            ref = AgencyRef(ref.name, ref.key, ref.resolved, ref.level, ref.province, True)
        if not _NOT_A_BODY_AFTER.match(text, toks[end_index - 1].end) and not _in_symbol(
            text, toks[index].start, toks[end_index - 1].end
        ):
            mentions.append(AgencyMention(toks[index].start, toks[end_index - 1].end, ref))
        index = end_index
    covered = [(m.start, m.end) for m in mentions]
    for start, end in _pattern_names(text) if patterns else []:
        if any(s < end and start < e for s, e in covered):
            continue
        if _OBJECT_BEFORE.search(text[max(0, start - 12) : start]) or _MEMBER_OF.search(
            text[max(0, start - 12) : start]
        ):
            continue
        after = text[end : end + _SUFFIX_WINDOW]  # a province name is short: no whole-text scan
        toks_after = tokens(after)
        place, used, _ = _province_suffix(toks_after, 0, catalogue, after)
        full_end = end + toks_after[used - 1].end if used else end
        name = text[start:full_end]
        mentions.append(AgencyMention(start, full_end, resolve_agency(name, catalogue, province)))
    return _unify(sorted(mentions, key=lambda m: m.start))


def _in_symbol(text: str, start: int, end: int) -> bool:
    """Whether a name is part of a document symbol ("1024/BKHCN-VP"), not a mention of a body."""
    return (start > 0 and text[start - 1] in "/-") or text[end : end + 1] in ("/", "-")


_SUFFIX_WINDOW = 120


def _unify(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """A short uncurated name ("Ban Chỉ đạo") that begins a longer one in the text is that body."""
    result = []
    for mention in mentions:
        ref = mention.ref
        if not ref.resolved:
            key = name_key(_clean_name(ref.name))
            longer = [
                m.ref
                for m in mentions
                if m.ref.province == ref.province
                and len(name_key(_clean_name(m.ref.name))) > len(key)
                and name_key(_clean_name(m.ref.name))[: len(key)] == key
            ]
            if longer and len(key) >= 2:
                ref = AgencyRef(
                    ref.name, longer[0].key, False, longer[0].level, ref.province, ref.collective
                )
        result.append(AgencyMention(mention.start, mention.end, ref))
    return result


def _clean_name(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name)


_MEMBER_OF = re.compile(r"(?:Ủy viên|Uỷ viên|ủy viên|uỷ viên|thành viên)\s+$")
_NOT_A_BODY_AFTER = re.compile(r"\s+(?:số(?!\s*\d)|điện tử)")
_OBJECT_BEFORE = re.compile(r"(?:\d|\bthành|thành lập|xây dựng|hình thành|nâng cấp)\s+$")


def _acceptable_start(
    text: str, start: int, found: tuple[str, int, Tokens], catalogue: Catalogue
) -> bool:
    """A name starts with a capital (collective phrases excepted) and is not a member's title."""
    kind, _, key = found
    collective = kind == "full" and catalogue.agencies[catalogue.agency_index[key]].collective
    if (
        not collective
        and not text[start].isupper()
        and not re.search(r"(?:Trưởng|Phó)\s+$", text[max(0, start - 8) : start])
    ):
        return False
    return not _MEMBER_OF.search(text[max(0, start - 12) : start])


def _ref_of(entry: AgencyEntry, name: str) -> AgencyRef:
    return AgencyRef(name, entry.key, True, entry.level, entry.province, entry.collective)


def _generic_ref(key: Tokens, province: str | None, catalogue: Catalogue, name: str) -> AgencyRef:
    by_province = catalogue.generic_index[key]
    if province in by_province:
        return _ref_of(catalogue.agencies[by_province[province]], name)
    code = catalogue.generic_codes[key]
    minted = f"{code}-{province}" if province else slugify(name)
    return AgencyRef(name, minted, False, "provincial", province)


def resolve_agency(name: str, catalogue: Catalogue, province: str | None = None) -> AgencyRef:
    """The curated agency a name refers to, or a minted one (resolved=False)."""
    written = name.strip()
    body = _POSITION.sub("", written, count=1) or written
    key = name_key(body)
    if key in catalogue.agency_index:
        return _ref_of(catalogue.agencies[catalogue.agency_index[key]], written)
    if _COLLECTIVE.match(body):
        collective = _collective_agency(catalogue)
        if collective:
            return AgencyRef(written, collective.key, True, collective.level, None, True)
        return AgencyRef(written, slugify(body), False, None, None, True)
    key = name_key(body)
    if key in catalogue.agency_index:
        return _ref_of(catalogue.agencies[catalogue.agency_index[key]], written)
    mentions = find_agencies(body, catalogue, province, patterns=False)
    if mentions and not body[: mentions[0].start].strip():
        ref = mentions[0].ref
        return AgencyRef(written, ref.key, ref.resolved, ref.level, ref.province, ref.collective)
    unique = _unique_prefix(key, catalogue, province)
    if unique:
        return _ref_of(unique, written)
    place = None
    toks = tokens(body)
    for index in range(1, len(toks)):
        place, used, _ = _province_suffix(toks, index, catalogue, body)
        if place and index + used == len(toks):
            break
        place = None
    national = bool(re.search(r"quốc gia|Việt Nam|Trung ương|^(?:Bộ|Cục|Tổng cục) ", body))
    local = _looks_local(body)
    place = place or (None if national else province)
    slug = slugify(re.sub(r"\s*\([^)]*\)", "", body))
    if place and not slug.endswith(place):
        slug = f"{slug}-{place}"
    level = "national" if national and not place else ("provincial" if local and place else "other")
    return AgencyRef(written, slug, False, level, place)


def _unique_prefix(key: Tokens, catalogue: Catalogue, province: str | None) -> AgencyEntry | None:
    """ "Ban Chỉ đạo" in a provincial text: the one curated body of that province so named."""
    if len(key) < 2:
        return None
    found = {
        entry.key
        for generic, by_province in catalogue.generic_index.items()
        if generic[: len(key)] == key
        for place, agency_key in by_province.items()
        if place == province
        for entry in [catalogue.agencies[agency_key]]
    }
    return catalogue.agencies[found.pop()] if len(found) == 1 else None


def _looks_local(name: str) -> bool:
    return bool(
        re.match(r"(Sở|Ban|Tỉnh|Ủy ban nhân dân|UBND|HĐND|Hội đồng nhân dân|Tổ|Văn phòng)\b", name)
    )


def _collective_agency(catalogue: Catalogue) -> AgencyEntry | None:
    collectives = sorted(
        (a for a in catalogue.agencies.values() if a.collective), key=lambda a: a.key
    )
    return collectives[0] if collectives else None


_LIST_SEPARATOR = re.compile(r"^\s*(?:,|;|\bvà\b|\bcùng\b|\bvới\b|\s)*\s*$", re.IGNORECASE)
_COLLECTIVE_TAIL = re.compile(
    r"(?<![\w])(?:các|những)\s+(?:bộ|ngành|sở|cơ quan|đơn vị|địa phương|tỉnh|thành phố|tổ chức|"
    r"doanh nghiệp|cấp|trường|viện)(?:[\s,]+(?:và\s+)?(?:bộ|ngành|sở|cơ quan|đơn vị|địa phương|"
    r"tổ chức|liên quan|có liên quan|ngang bộ|trung ương|thuộc|chính phủ|cấp|ban|doanh nghiệp))*",
    re.IGNORECASE,
)


def split_agencies(cell: str, catalogue: Catalogue, province: str | None = None) -> list[AgencyRef]:
    """Split a list of agencies ("Bộ A, Bộ B và các địa phương") into one reference each.

    Names are found first (curated names longest-first, so "và" and commas inside names stay);
    what lies between names is a separator or a collective phrase; a leftover piece of text
    becomes a name of its own.
    """
    mentions = find_agencies(cell, catalogue, province)
    refs: list[AgencyRef] = []
    position = 0
    for mention in [*mentions, None]:
        gap_end = mention.start if mention else len(cell)
        for piece in re.split(r"\s*(?:[,;]|\bvà\b|\bcùng\b)\s*", cell[position:gap_end]):
            piece = piece.strip(" .()")
            if piece and len(piece) > 1:
                refs.append(resolve_agency(piece, catalogue, province))
        if mention:
            refs.append(mention.ref)
            position = mention.end
    merged: list[AgencyRef] = []
    for ref in refs:
        if ref.key not in {r.key for r in merged}:
            merged.append(ref)
    return merged


# ---------------------------------------------------------------------------------------------
# Places and indicators


def find_places(text: str, catalogue: Catalogue) -> list[tuple[int, int, str]]:
    """(start, end, place slug) of each place named in ``text`` (curated names, "tỉnh X")."""
    toks = tokens(text)
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(toks):
        hit = None
        for width in range(min(6, len(toks) - index), 0, -1):
            key = tuple(t.key for t in toks[index : index + width])
            slug = catalogue.place_index.get(key)
            if (slug and text[toks[index].start].isupper()) or (
                slug and key[:1] in (("tinh",), ("thanh",))
            ):
                hit = (width, slug)
                break
        if hit:
            found.append((toks[index].start, toks[index + hit[0] - 1].end, hit[1]))
            index += hit[0]
        else:
            index += 1
    covered = [(s, e) for s, e, _ in found]
    for match in _PLACE_PATTERN.finditer(text):
        if match.group(1) and not any(s < match.end() and match.start() < e for s, e in covered):
            found.append((match.start(), match.end(), slugify(match.group(1))))
    return sorted(found)


def resolve_place(text: str, catalogue: Catalogue) -> str | None:
    """The place a name refers to ("tỉnh Bình Dương", "TP.HCM"), or None."""
    key = name_key(text)
    if key in catalogue.place_index:
        return catalogue.place_index[key]
    places = find_places(text, catalogue)
    return places[0][2] if places else None


@lru_cache(maxsize=8192)
def _profile(text: str) -> tuple[Counter[str], int, frozenset[str]]:
    """Trigram counts, their total and the token set of a name (labels repeat across calls)."""
    padded = f"  {' '.join(name_key(text))} "
    grams = Counter(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams, sum(grams.values()), frozenset(name_key(text))


def _similarity(query: str, label: str) -> float:
    (a, a_total, qa), (b, b_total, la) = _profile(query), _profile(label)
    overlap = sum((a & b).values())
    trigram = 2 * overlap / (a_total + b_total or 1)
    token = len(qa & la) / (len(la) or 1)
    return 0.5 * trigram + 0.5 * token


_PERCENT_UNITS = {"%", "% gdp", "% grdp"}


def resolve_indicator(
    text: str, unit: str | None, catalogue: Catalogue, threshold: float = 0.55
) -> str | None:
    """The curated indicator a stated indicator fits best, or None when none fits well enough."""
    best: tuple[float, str] | None = None
    for indicator in catalogue.indicators.values():
        score = max((_similarity(text, label) for label in indicator.labels), default=0.0)
        if unit and indicator.default_unit:
            same_kind = (unit.lower() in _PERCENT_UNITS) == (
                indicator.default_unit.lower() in _PERCENT_UNITS
            )
            if not same_kind:
                score -= 0.2
            elif "gdp" in unit.lower() and "gdp" not in indicator.default_unit.lower():
                score -= 0.1
        if best is None or score > best[0]:
            best = (score, indicator.key)
    return best[1] if best and best[0] >= threshold else None


def is_national_source(source: SourceText, catalogue: Catalogue) -> bool:
    """A text published by a national body (Bộ Chính trị, Chính phủ …), per its metadata."""
    if not source.meta.publisher:
        return False
    publisher = resolve_agency(source.meta.publisher, catalogue)
    return publisher.resolved and publisher.level == "national"


def province_of_source(source: SourceText, catalogue: Catalogue) -> str | None:
    """The province a source is about: the most mentioned, with the publisher's domain as a hint.

    A text a national body publishes (the Government's resolution, signed "Hà Nội, ngày …") is
    about no province, whatever places it names."""
    if is_national_source(source, catalogue):
        return None
    counts: Counter[str] = Counter()
    nations = {p.key for p in catalogue.places.values() if p.is_nation} | {"viet-nam"}
    for _, _, slug in find_places(source.normalised, catalogue):
        if slug not in nations:
            counts[slug] += 1
    hints = " ".join(filter(None, (source.meta.address, source.meta.publisher)))
    hints += " " + " ".join(re.findall(r"[\w.-]+\.gov\.vn", source.normalised[:3000]))
    folded_hints = fold_keep_length(hints).replace("i", "y")
    for slug in {*counts, *catalogue.places}:
        if (
            slug not in nations
            and slug.replace("-", "").replace("i", "y") + ".gov.vn" in folded_hints
        ):
            counts[slug] += 3
    if not counts:
        return None
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
