"""`--fail-under METRIC=VALUE`: a score below its bar makes the evaluation fail.

A bar is `metric=value` (every set that measured the metric) or `set.metric=value` (one set),
e.g. `numeric_accuracy=0.9`, `test.unanswerable_accuracy=0.95`. Bars read "at least": use them
for scores where higher is better (accuracies, shares).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Summary = Mapping[str, float | int | None]


@dataclass(frozen=True)
class Bar:
    metric: str
    minimum: float
    set_name: str | None = None  # None: every set that measured the metric

    def __str__(self) -> str:
        return f"{self.set_name + '.' if self.set_name else ''}{self.metric}>={self.minimum:g}"


def parse_bar(text: str, metrics: Sequence[str]) -> Bar:
    """`[set.]metric=value`; a ValueError with a one-line message otherwise."""
    name, sep, value = text.partition("=")
    set_name, dot, metric = name.strip().rpartition(".")
    if not dot:
        set_name, metric = "", name.strip()
    if not sep or not metric:
        raise ValueError(f"--fail-under {text!r}: write METRIC=VALUE, e.g. numeric_accuracy=0.9")
    if metric not in metrics:
        raise ValueError(f"--fail-under {text!r}: unknown metric {metric!r}; one of "
                         f"{', '.join(metrics)}")  # fmt: skip
    try:
        minimum = float(value)
    except ValueError:
        raise ValueError(f"--fail-under {text!r}: {value.strip()!r} is not a number") from None
    return Bar(metric, minimum, set_name or None)


def failures(bars: Sequence[Bar], summaries: Mapping[str, Summary]) -> list[str]:
    """One message per bar a set misses ('test: numeric_accuracy 0.850 < 0.9'), and per bar no
    named set measured."""
    missed: list[str] = []
    for bar in bars:
        if bar.set_name is not None and bar.set_name not in summaries:
            missed.append(f"{bar}: no set named {bar.set_name!r} was run")
            continue
        names = [bar.set_name] if bar.set_name else list(summaries)
        measured: list[tuple[str, float]] = []
        for name in names:
            value = summaries[name].get(bar.metric)
            if value is not None:
                measured.append((name, float(value)))
        if not measured:
            missed.append(f"{bar}: not measured (no question of that kind was scored)")
        missed += [f"{n}: {bar.metric} {v:.3f} < {bar.minimum:g}" for n, v in measured
                   if v < bar.minimum]  # fmt: skip
    return missed
