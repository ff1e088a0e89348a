"""Similar earlier cases: up to five cases received before this one, alike in text, theme
and area.

On PostgreSQL the text is compared with full-text search in the Danish configuration (the
stored ``Case.search_vector``, kept by a trigger and indexed with GIN, see migration 0007)
and re-ranked with trigram similarity (pg_trgm) among a bounded set of candidates; on other
databases a plain word overlap stands in. Either way only the reference, the date, the
themes and the outcome are shown, and the citizen's name only when it is the same person
(matched on e-mail or phone, as :func:`workflow.same_person_cases`); no case's text ever
leaves this module.
"""

import re
from dataclasses import dataclass
from functools import reduce
from itertools import combinations
from operator import or_

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import dates
from ..choices import CaseStatus
from .models import Case, CaseLink
from .workflow import same_person_cases

LIMIT = 5
#: Candidates fetched per source (text, themes and area) before the final ranking.
CANDIDATES = 20
#: Words of the case's own text used to look for others (the longest, as the most telling).
QUERY_TERMS = 12
#: On PostgreSQL a text match shares two of the case's PAIR_TERMS longest words; the latest
#: TEXT_POOL such earlier cases are ranked, so common words cannot make the search slow.
PAIR_TERMS, TEXT_POOL = 6, 200
TEXT_WEIGHT, TRIGRAM_WEIGHT, THEME_WEIGHT, AREA_WEIGHT = 3.0, 2.0, 2.0, 0.5

_WORD = re.compile(r"[^\W\d_]{4,}")
#: Common Danish words of four letters or more, left out of the word overlap (PostgreSQL's
#: Danish configuration has its own, longer list).
_STOPWORDS = frozenset(
    "alle andet andre blev blive bliver da dem den denne der deres det dette eller efter "
    "fordi fra havde have hende hans hvad hvis hvor hvordan ikke ingen jeg kommune kunne "
    "lige mange meget mellem men mere mine min mod nogle noget når også over på sagen selv "
    "sige sine skal skulle som stadig til uden under ville være været vores".split()
)


@dataclass(frozen=True)
class SimilarCase:
    """One suggestion: the case, its score and what it shares with the case at hand."""

    case: Case
    score: float
    shared_themes: tuple
    same_area: bool
    same_person: bool

    def label(self):
        """Reference · date · themes · outcome (· name, only for the same person)."""
        other = self.case
        parts = [other.reference, dates.show(timezone.localdate(other.received_at)),
                 ", ".join(theme.name for theme in other.themes.all()) or _("no theme"),
                 other.get_outcome_display() or other.get_status_display()]
        if self.same_person and other.citizen_name:
            parts.append(_("%(name)s (the same person)") % {"name": other.citizen_name})
        return " · ".join(parts)


def words(text):
    """The telling words of ``text``: lower case, four letters or more, no common words."""
    return [word for word in _WORD.findall((text or "").lower()) if word not in _STOPWORDS]


def query_terms(text):
    """The distinct words used to look for other cases, the longest first."""
    return sorted(set(words(text)), key=lambda word: (-len(word), word))[:QUERY_TERMS]


def earlier_cases(case):
    """Cases that may be suggested: received before ``case``, not merged away, not linked,
    not restricted (a restricted case is named in no list)."""
    linked = CaseLink.objects.filter(
        Q(case=case, other=OuterRef("pk")) | Q(case=OuterRef("pk"), other=case))
    return (Case.objects.unrestricted().filter(received_at__lt=case.received_at)
            .exclude(pk=case.pk).exclude(status=CaseStatus.MERGED)
            .exclude(Exists(linked)))


def similar_cases(case, limit=LIMIT):
    """The ``limit`` earlier cases most like ``case``, best first (a list of SimilarCase).

    A case qualifies by its text or a shared theme; a shared area only adds to the score.
    """
    if not case.pk:
        return []
    theme_ids = set(case.themes.values_list("pk", flat=True))
    candidates = earlier_cases(case)
    ids = set(_structural_candidates(case, candidates, theme_ids))
    if connection.vendor == "postgresql":
        text_scores = _postgres_text_scores(case, candidates, ids)
    else:
        text_scores = _word_overlap_scores(case, candidates, ids)
    ids |= set(text_scores)
    if not ids:
        return []
    found = (Case.objects.filter(pk__in=ids).select_related("area")
             .prefetch_related("themes"))
    same_person = _same_person_ids(case, ids)
    suggestions = []
    for other in found:
        shared = tuple(theme for theme in other.themes.all() if theme.pk in theme_ids)
        text = text_scores.get(other.pk, 0.0)
        if not text and not shared:
            continue
        same_area = bool(case.area_id) and other.area_id == case.area_id
        score = (text + THEME_WEIGHT * len(shared) / max(len(theme_ids), 1)
                 + AREA_WEIGHT * same_area)
        suggestions.append(SimilarCase(other, score, shared, same_area,
                                       other.pk in same_person))
    suggestions.sort(key=lambda s: (-s.score, -s.case.received_at.timestamp(), s.case.pk))
    return suggestions[:limit]


def _structural_candidates(case, candidates, theme_ids):
    """The latest earlier cases sharing a theme with ``case``."""
    if not theme_ids:
        return []
    through = Case.themes.through
    return list(candidates.filter(Exists(through.objects.filter(
        case_id=OuterRef("pk"), theme_id__in=theme_ids))).values_list("pk", flat=True)[
        :CANDIDATES])


def _postgres_text_scores(case, candidates, structural_ids):
    """Full-text rank (Danish) among the latest cases sharing two telling words with
    ``case``, plus trigram similarity; bounded by TEXT_POOL however common the words are."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
    from django.db.models import F, Subquery

    terms = query_terms(case.account)
    if not terms:
        return {}
    ranking = reduce(or_, (SearchQuery(term, config="danish") for term in terms))
    strongest = terms[:PAIR_TERMS]
    matching = reduce(or_, (SearchQuery(one, config="danish") & SearchQuery(two, config="danish")
                            for one, two in combinations(strongest, 2))) \
        if len(strongest) > 1 else ranking
    pool = (candidates.filter(search_vector=matching).order_by("-received_at", "-id")
            .values("pk")[:TEXT_POOL])
    ranked = (Case.objects.filter(pk__in=Subquery(pool))
              .annotate(rank=SearchRank(F("search_vector"), ranking, normalization=32))
              .order_by("-rank").values_list("pk", flat=True)[:CANDIDATES])
    ids = set(ranked) | set(structural_ids)
    if not ids:
        return {}
    rows = (Case.objects.filter(pk__in=ids)
            .annotate(rank=SearchRank(F("search_vector"), ranking, normalization=32),
                      trigram=TrigramSimilarity("account", case.account))
            .values_list("pk", "rank", "trigram"))
    # normalization=32 gives rank / (rank + 1): already between 0 and 1.
    return {pk: TEXT_WEIGHT * (rank or 0) + TRIGRAM_WEIGHT * (trigram or 0)
            for pk, rank, trigram in rows if rank or (trigram or 0) >= 0.1}


def _word_overlap_scores(case, candidates, structural_ids):
    """Share of telling words in common (Jaccard), for databases without full-text search."""
    own = set(words(case.account))
    if not own:
        return {}
    terms = query_terms(case.account)[:3]
    matching = candidates.filter(reduce(or_, (Q(account__icontains=term) for term in terms)))
    ids = set(matching.values_list("pk", flat=True)[:CANDIDATES * 5]) | set(structural_ids)
    scores = {}
    for pk, account in Case.objects.filter(pk__in=ids).values_list("pk", "account"):
        theirs = set(words(account))
        if theirs & own:
            scores[pk] = TEXT_WEIGHT * len(theirs & own) / len(theirs | own)
    return scores


def _same_person_ids(case, ids):
    return set(same_person_cases(case).filter(pk__in=ids).values_list("pk", flat=True))
