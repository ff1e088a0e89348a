"""Similar earlier cases: up to five cases received before this one, alike in text, theme
and area.

On PostgreSQL the text is compared with full-text search in the Danish configuration (the
stored ``Case.search_vector``, kept by a trigger and indexed with GIN, see migration 0009)
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
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
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
    if connection.vendor == "postgresql":
        return _ranked_in_postgres(case, candidates, theme_ids, limit)
    ids = ({row["pk"] for row in _structural_candidates(case, candidates, theme_ids)}
           if theme_ids else set())
    text_scores = _word_overlap_scores(case, candidates, ids)
    ids |= set(text_scores)
    if not ids:
        return []
    found = (Case.objects.filter(pk__in=ids).only(*SHOWN).prefetch_related("themes"))
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


#: The fields a suggestion shows (SimilarCase.label) and ranks by; nothing else is read.
SHOWN = ("reference", "received_at", "status", "outcome", "citizen_name", "area_id")


def _structural_candidates(case, candidates, theme_ids):
    """The latest earlier cases sharing a theme with ``case`` (a query of their keys)."""
    through = Case.themes.through
    return candidates.filter(Exists(through.objects.filter(
        case_id=OuterRef("pk"), theme_id__in=theme_ids))).values("pk")[:CANDIDATES]


def _ranked_in_postgres(case, candidates, theme_ids, limit):
    """Rank in one statement: the best CANDIDATES of the latest TEXT_POOL cases sharing two
    telling words with ``case`` (Danish full text, the GIN index) and the latest CANDIDATES
    sharing a theme, scored there by full-text rank and trigram similarity (each worked out
    once per case), shared themes and the same area; only the ``limit`` best are read, with
    the fields they show."""
    from django.contrib.postgres.search import SearchQuery

    terms = query_terms(case.account)
    # The words are letters only (see _WORD), so they hold no tsquery operator; the query
    # texts go to PostgreSQL as parameters.
    ranking = " | ".join(terms)
    keys = []  # (SQL around {}, a query of case keys, parameters after the query's own)
    if theme_ids:
        keys.append(("({})", _structural_candidates(case, candidates, theme_ids), []))
    if terms:
        strongest = terms[:PAIR_TERMS]
        pairs = (" | ".join(f"({one} & {two})" for one, two in combinations(strongest, 2))
                 if len(strongest) > 1 else ranking)
        matching = SearchQuery(pairs, config="danish", search_type="raw")
        pool = (candidates.filter(search_vector=matching).order_by("-received_at", "-id")
                .values("pk", "search_vector")[:TEXT_POOL])
        # Ranked where the pool is read, so no case is fetched twice.
        keys.append(("(SELECT pool.pk FROM ({}) pool ORDER BY ts_rank(pool.search_vector, "  # noqa: S608 # nosec B608 - the pool's compiled SQL, values as parameters
                     f"to_tsquery('danish', %s), 32) DESC LIMIT {CANDIDATES})", pool, [ranking]))
    if not keys:
        return []
    sql_keys, key_params = [], []
    for around, query, after in keys:
        sql, own = query.query.get_compiler(using=query.db).as_sql()
        sql_keys.append(around.format(sql))
        key_params += [*own, *after]
    table = connection.ops.quote_name(Case._meta.db_table)
    through = connection.ops.quote_name(Case.themes.through._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(Case._meta.get_field(name).column)
                        for name in ("id", *SHOWN))
    text = "0.0"
    if terms:
        # normalization=32 gives rank / (rank + 1): already between 0 and 1.
        text = (f"CASE WHEN rank > 0 OR trigram >= 0.1 THEN {TEXT_WEIGHT} * rank + "
                f"{TRIGRAM_WEIGHT} * trigram ELSE 0.0 END")
    # Rank, trigram and shared themes are worked out once per found case (MATERIALIZED).
    # Constant names and weights are formatted in; every value is a parameter.
    sql = (
        f"WITH scored AS MATERIALIZED (SELECT {columns}, "  # noqa: S608 # nosec B608 - constant names, values as parameters
        f"ts_rank(c.search_vector, to_tsquery('danish', %s), 32) AS rank, "
        f"similarity(c.account, %s) AS trigram, "
        f"(SELECT count(*) FROM {through} t WHERE t.case_id = c.id AND t.theme_id = ANY(%s)) "
        f"AS shared FROM {table} c WHERE c.id IN ({' UNION '.join(sql_keys)})) "
        f"SELECT *, ({text}) + {THEME_WEIGHT} * shared / {float(max(len(theme_ids), 1))}"
        f" + CASE WHEN area_id = %s THEN {AREA_WEIGHT} ELSE 0.0 END AS score FROM scored "
        f"WHERE ({text}) > 0 OR shared > 0 ORDER BY score DESC, received_at DESC, id LIMIT %s")
    found = list(Case.objects.raw(sql, [ranking, case.account, list(theme_ids), *key_params,
                                        case.area_id, limit]))
    prefetch_related_objects(found, "themes")
    same_person = _same_person_ids(case, [other.pk for other in found])
    return [SimilarCase(other, other.score,
                        tuple(theme for theme in other.themes.all() if theme.pk in theme_ids),
                        bool(case.area_id) and other.area_id == case.area_id,
                        other.pk in same_person) for other in found]


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
