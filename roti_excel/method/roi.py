"""Level 5 ROI: net benefits, BCR, ROI %, payback months and the interpretation band."""

from __future__ import annotations

from dataclasses import dataclass, field

from roti_excel.domain import Band, Caveat, Status


@dataclass(frozen=True)
class Credibility:
    """How far finance can rely on a result (docs/method.md, credibility status): the
    status, its caveats in a stable order, and what each is about."""

    status: Status
    caveats: tuple[Caveat, ...] = ()
    unisolated_share: float = 0.0  # share of the benefits credited with no isolation
    unisolated: tuple[str, ...] = ()  # the measures concerned ("Working time (Maker)")
    missing_codes: tuple[str, ...] = ()  # of L and TE
    weak_trends: tuple[tuple[str, float], ...] = ()  # (measure, R²)

    @property
    def provisional_reasons(self) -> tuple[Caveat, ...]:
        return tuple(c for c in self.caveats if c.makes_provisional)


CREDIBLE = Credibility(Status.CREDIBLE)


@dataclass(frozen=True)
class Financials:
    name: str
    benefits: float  # discounted when the horizon goes beyond 12 months
    costs: float
    months: float  # months of benefits claimed (measured, or the horizon)
    objective_pct: float
    undiscounted: float | None = None  # None: equal to benefits
    monetised: bool = True  # False: the program claims no monetary benefit
    credibility: Credibility = field(default=CREDIBLE)
    measured_benefits: float | None = None  # without Annualise (None: equal to benefits)

    @property
    def measured_roi_pct(self) -> float | None:
        """The ROI on the months measured alone (differs only when annualised)."""
        if self.costs <= 0 or not self.monetised:
            return None
        measured = self.benefits if self.measured_benefits is None else self.measured_benefits
        return (measured - self.costs) / self.costs * 100

    @property
    def status(self) -> Status:
        return self.credibility.status

    @property
    def net_benefits(self) -> float:
        return self.benefits - self.costs

    @property
    def bcr(self) -> float | None:
        return self.benefits / self.costs if self.costs > 0 and self.monetised else None

    @property
    def roi_pct(self) -> float | None:
        if self.costs <= 0 or not self.monetised:
            return None
        return (self.benefits - self.costs) / self.costs * 100

    @property
    def payback_raw(self) -> float | None:
        """Months of benefits needed to repay the costs at the rate of the months claimed;
        None without costs, benefits or months."""
        if self.costs <= 0 or self.benefits <= 0 or self.months <= 0 or not self.monetised:
            return None
        return self.costs / (self.benefits / self.months)

    @property
    def recovered(self) -> bool | None:
        """Whether the costs are paid back within the months the benefits cover; None when
        there is no payback to speak of (no costs or no benefits)."""
        raw = self.payback_raw
        return None if raw is None else raw <= self.months * (1 + 1e-12)

    @property
    def payback_months(self) -> float | None:
        """The payback, only when it falls within the months the benefits cover: a month
        beyond them is never printed (docs/method.md)."""
        return self.payback_raw if self.recovered else None

    @property
    def band(self) -> Band | None:
        roi = self.roi_pct
        return None if roi is None else band(roi, self.objective_pct)


def band(roi_pct: float, objective_pct: float) -> Band:
    """high at or above the objective, thin positive from 0 (break-even) up to it,
    negative below 0."""
    if roi_pct >= objective_pct:
        return Band.HIGH
    return Band.THIN_POSITIVE if roi_pct >= 0 else Band.NEGATIVE
