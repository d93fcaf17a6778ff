"""Entity resolution: names as written → curated agencies, places and indicators.

One module per job: :mod:`.bodies` (the table of standard provincial bodies), :mod:`.catalogue`
(the curated entities and their match keys), :mod:`.names` (names of bodies found by their shape in
running text), :mod:`.mentions` (curated names in running text), :mod:`.agencies` (every agency a
text names, one name resolved, a list split), :mod:`.places`, :mod:`.indicators` and
:mod:`.context` (a source's province). Matching works on the folded keys of
:mod:`ontology.text_keys`, so ``Sở KH&CN``, ``Sở Khoa học và Công nghệ`` and ``SỞ KHOA HỌC VÀ CÔNG
NGHỆ`` meet.
"""

from ingest.resolve.agencies import find_agencies, resolve_agency, split_agencies
from ingest.resolve.bodies import BODIES_FILE, StandardBody, load_bodies
from ingest.resolve.catalogue import (
    AgencyEntry,
    Catalogue,
    DocumentEntry,
    IndicatorEntry,
    PlaceEntry,
    ThemeEntry,
)
from ingest.resolve.context import is_national_source, province_of_source
from ingest.resolve.indicators import resolve_indicator
from ingest.resolve.mentions import AgencyMention
from ingest.resolve.places import find_places, resolve_place
from ontology.text_keys import Tokens, name_key

__all__ = [
    "BODIES_FILE",
    "AgencyEntry",
    "AgencyMention",
    "Catalogue",
    "DocumentEntry",
    "IndicatorEntry",
    "PlaceEntry",
    "StandardBody",
    "ThemeEntry",
    "Tokens",
    "find_agencies",
    "find_places",
    "is_national_source",
    "load_bodies",
    "name_key",
    "province_of_source",
    "resolve_agency",
    "resolve_indicator",
    "resolve_place",
    "split_agencies",
]
