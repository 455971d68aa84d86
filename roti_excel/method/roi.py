"""Level 5 ROI: net benefits, BCR, ROI %, payback months and the interpretation band."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.domain import Band


@dataclass(frozen=True)
class Financials:
    name: str
    benefits: float
    costs: float
    horizon_months: float
    objective_pct: float

    @property
    def net_benefits(self) -> float:
        return self.benefits - self.costs

    @property
    def bcr(self) -> float | None:
        return self.benefits / self.costs if self.costs > 0 else None

    @property
    def roi_pct(self) -> float | None:
        return (self.benefits - self.costs) / self.costs * 100 if self.costs > 0 else None

    @property
    def payback_months(self) -> float | None:
        """Months of benefits needed to repay the costs; None without costs or benefits."""
        if self.costs <= 0 or self.benefits <= 0:
            return None
        return self.costs / (self.benefits / self.horizon_months)

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

