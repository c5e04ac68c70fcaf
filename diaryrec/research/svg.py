"""Small hand-made SVG charts for the report: inline in the HTML, no plotting library,
no scripts, every text escaped. Each function returns ``markupsafe.Markup``.

Every chart names both its axes (``<text class="axis-label">``): what the rows or
bars are, and what is counted or shared along them."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

STATE_COLOURS = {
    "done": "#2e7d32",
    "late": "#f9a825",
    "partly": "#90caf9",
    "missed": "#c62828",
    "today": "#ffffff",
    "upcoming": "#eeeeee",
}
#: the day of the export, nothing done yet: white with a blue edge (as in the app's timeline)
TODAY_EDGE = "#0969da"
STATE_LEGEND = {"today": "today (at the export)"}
PALETTE = ["#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#8d6e63"]


def _text(x: float, y: float, text: object, anchor: str = "start", size: int = 11, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" {extra}>{escape(str(text))}</text>'


def _svg(width: float, height: float, body: list[str], title: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def axis_label(x: float, y: float, text: str, vertical: bool = False, anchor: str = "middle") -> str:
    """An axis's name; ``vertical``: read bottom to top, beside a vertical axis."""
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if vertical else ""
    return _text(x, y, text, anchor, 11, f'class="axis-label" font-weight="bold" fill="#333"{turn}')


def legend_width(items: Sequence[tuple[str, str]]) -> float:
    return sum(24 + 7 * len(label) for label, _ in items)


def legend(items: Sequence[tuple[str, str]], x: float, y: float) -> list[str]:
    out = []
    for label, colour in items:
        out.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{colour}" stroke="#999"/>')
        out.append(_text(x + 14, y, label))
        x += 24 + 7 * len(label)
    return out


def heatmap(rows: Sequence[tuple[str, Sequence[str]]], title: str = "Compliance per participant and day",
            x_label: str = "study day", y_label: str = "participant") -> Markup:
    """Participants (rows) × study days (columns), one coloured cell per day state."""
    cell, left, top = 16, 96, 46
    days = max((len(states) for _, states in rows), default=0)
    keys = [(STATE_LEGEND.get(s, s), c) for s, c in STATE_COLOURS.items()]
    width, height = max(left + days * cell + 20, left + legend_width(keys) + 10), top + len(rows) * cell + 40
    # the rows' axis is named above its labels: a few rows are too short for a turned label
    body = [axis_label(left + days * cell / 2, 14, x_label), axis_label(left - 6, top - 6, y_label, anchor="end")]
    body += [_text(left + (d + 0.5) * cell, top - 6, d + 1, "middle", 9) for d in range(days)]
    for r, (label, states) in enumerate(rows):
        y = top + r * cell
        body.append(_text(left - 6, y + cell - 4, label, "end"))
        for d, state in enumerate(states):
            colour = STATE_COLOURS.get(state, "#bdbdbd")
            edge = f' stroke="{TODAY_EDGE}"' if state == "today" else ""  # white: seen by its edge
            body.append(
                f'<rect x="{left + d * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" fill="{colour}"{edge}>'
                f"<title>{escape(label)} day {d + 1}: {escape(state)}</title></rect>"
            )
    body += legend(keys, left, height - 12)
    return _svg(width, height, body, title)


def grouped_bars(categories: Sequence[str], series: dict[str, Sequence[float]], title: str, unit: str = "",
                 x_label: str = "week", y_label: str = "count") -> Markup:
    """Bars of several series side by side for each category (e.g. weeks)."""
    left, top, plot_h, group_w = 64, 20, 160, max(60, 28 * len(series) + 20)
    width, height = max(left + group_w * len(categories) + 20, 300), top + plot_h + 66
    peak = max((v for values in series.values() for v in values), default=0) or 1
    bar_w = (group_w - 20) / max(1, len(series))
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#555"/>',
            f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#555"/>']
    body.append(_text(left - 6, top + 8, f"{peak:g}{unit}", "end", 10))
    body.append(_text(left - 6, top + plot_h, f"0{unit}", "end", 10))
    body.append(axis_label(left + group_w * len(categories) / 2, top + plot_h + 32, x_label))
    body.append(axis_label(16, top + plot_h / 2, y_label, vertical=True))
    for c, category in enumerate(categories):
        x0 = left + c * group_w + 10
        body.append(_text(x0 + (group_w - 20) / 2, top + plot_h + 14, category, "middle"))
        for s, (name, values) in enumerate(series.items()):
            value = values[c]
            h = plot_h * value / peak
            x = x0 + s * bar_w
            body.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(category)} {escape(name)}: {value:g}{escape(unit)}</title></rect>'
            )
            body.append(_text(x + (bar_w - 2) / 2, top + plot_h - h - 3, f"{value:g}", "middle", 9))
    body += legend([(n, PALETTE[i % len(PALETTE)]) for i, n in enumerate(series)], left, height - 12)
    return _svg(width, height, body, title)


def stacked_shares(categories: Sequence[str], parts: dict[str, Sequence[float]], colours: dict[str, str], title: str,
                   x_label: str = "share", y_label: str = "") -> Markup:
    """One horizontal 100 % bar per category, split into the shares of ``parts``."""
    left, top, bar_h, plot_w = 126, 24 if y_label else 10, 18, 420
    plot_bottom = top + len(categories) * (bar_h + 6)
    width, height = left + plot_w + 60, plot_bottom + 60
    body = [f'<line x1="{left}" y1="{plot_bottom}" x2="{left + plot_w}" y2="{plot_bottom}" stroke="#555"/>']
    for tick in (0.0, 0.5, 1.0):
        body.append(_text(left + plot_w * tick, plot_bottom + 12, f"{tick:.0%}", "middle", 9))
    body.append(axis_label(left + plot_w / 2, plot_bottom + 28, x_label))
    if y_label:  # named above the bars' labels, as the heatmap's rows
        body.append(axis_label(left - 6, top - 8, y_label, anchor="end"))
    for c, category in enumerate(categories):
        y = top + c * (bar_h + 6)
        total = sum(values[c] for values in parts.values())
        body.append(_text(left - 6, y + bar_h - 5, category, "end"))
        x = float(left)
        for name, values in parts.items():
            share = values[c] / total if total else 0.0
            w = plot_w * share
            if w > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colours[name]}">'
                    f"<title>{escape(category)} {escape(name)}: {values[c]:g} ({share:.0%})</title></rect>"
                )
                if w > 28:
                    body.append(_text(x + w / 2, y + bar_h - 5, f"{share:.0%}", "middle", 9, 'fill="#fff"'))
            x += w
        body.append(_text(left + plot_w + 6, y + bar_h - 5, f"n={total:g}", "start", 9))
    body += legend(list(colours.items()), left, height - 12)
    return _svg(width, height, body, title)
