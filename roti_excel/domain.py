"""The words of the domain as types mypy checks: how an issue weighs, how a measure's effect
is isolated, which way is better, the interpretation band, what a finding is about, what
happened to a dropped file, and the languages of the product.

Each is a `Word`: an Enum whose members compare, print and serialise (JSON, jinja2) as
their value, so the summary and the templates see the same strings as before. Strings from
the input become words only where the schema's values are parsed (`reading/`); everywhere
else the code compares words, never raw strings."""

from __future__ import annotations

from enum import Enum


class Word(str, Enum):
    """A member is its value wherever a string is expected."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @property
    def key(self) -> str:
        """The value as a label key: "trend line" -> "trend_line"."""
        return str(self.value).replace(" ", "_")


class Severity(Word):
    """Errors stop the report; warnings are shown in it."""

    ERROR = "error"
    WARNING = "warning"


class Isolation(Word):
    """How the program's own effect is separated from other influences (docs/method.md)."""

    NONE = "none"
    CONTROL_GROUP = "control group"
    TREND_LINE = "trend line"
    ESTIMATE = "estimate"


class Direction(Word):
    """Which way a measure improves."""

    LOWER = "lower"
    HIGHER = "higher"


class Attendance(Word):
    """A participant's Status on the Learning sheet (blank: not stated)."""

    ATTENDED = "attended"
    ABSENT = "absent"


class OutlierRule(Word):
    """What happens to a value outside 3 x IQR: flagged and kept, or excluded."""

    FLAG = "flag"
    EXCLUDE = "exclude"


class Band(Word):
    """The interpretation band of an ROI against the program's objective."""

    HIGH = "high"
    THIN_POSITIVE = "thin_positive"
    NEGATIVE = "negative"


class Status(Word):
    """How far finance can rely on a result (docs/method.md, credibility status)."""

    CREDIBLE = "credible"
    PROVISIONAL = "provisional"
    NOT_MONETISED = "not_monetised"


class Caveat(Word):
    """A stable reason attached to a result: all but `annualised` make it provisional;
    `annualised` states an assumption."""

    NO_ISOLATION = "no_isolation"
    NOT_FULLY_LOADED = "not_fully_loaded"
    WEAK_TREND = "weak_trend"
    ROI_REVIEW = "roi_review"
    EXTRAPOLATED = "extrapolated"  # Annualise moved the result into another band
    ANNUALISED = "annualised"

    @property
    def makes_provisional(self) -> bool:
        return self is not Caveat.ANNUALISED


class FindingKind(Word):
    """What a finding of the conservative rules is about; narrative and report key on it."""

    NO_ISOLATION = "no_isolation"
    ZEROED = "zeroed"
    HORIZON = "horizon"
    OUTLIER = "outlier"
    MISSING_COST = "missing_cost"
    ALLOCATION = "allocation"
    LIKELY_ABSENT = "likely_absent"
    NO_COSTS = "no_costs"
    ROI_REVIEW = "roi_review"
    WEAK_TREND = "weak_trend"
    ANNUALISED = "annualised"
    COVERAGE = "coverage"


class PeriodNote(Word):
    """Why a period or an estimate is not counted in full ("" when it is)."""

    COUNTED = ""
    BEYOND_HORIZON = "beyond horizon"
    MISSING_VALUE = "missing value"
    OUTLIER_EXCLUDED = "extreme value excluded"


class FileStatus(Word):
    """What happened to one file given to a worker."""

    OK = "ok"
    FAILED = "failed"
    CRASHED = "crashed"
    TIMED_OUT = "timed out"
    # the input was read but its answer could not be written (a read-only or full disk, a
    # report open in another program): the machine's fault, not the file's
    DEFERRED = "deferred"


class Language(Word):
    """The languages of templates, messages and reports."""

    EN = "en"
    ID = "id"

    @classmethod
    def of(cls, text: str | None) -> Language:
        """The language a workbook's Language field or an option names; English unless it
        says Indonesian ("id", "ID", "Indonesia", "id-ID")."""
        return cls.ID if (text or "").strip().lower().startswith("id") else cls.EN


LANGUAGES: tuple[Language, ...] = tuple(Language)


def language_named(lang: str) -> Language:
    """The language a caller names exactly ("en" or "id"); ValueError for anything else."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return Language(lang)
