"""The infringer network drawn as SVG: offline, no script, one circle per actor.

Positions come from the engine's layout (networkx spring layout with a fixed seed, so the
same network draws the same way); lines join linked actors and carry their reasons as a
tooltip; actors of a cluster share its colour, lone actors are grey.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ipsentry.matching.network import Network

WIDTH, HEIGHT, MARGIN = 720, 480, 60
# Colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2008).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
LONE = "#999999"


def _place(x: float, y: float) -> tuple[float, float]:
    return (MARGIN + (x + 1) / 2 * (WIDTH - 2 * MARGIN),
            MARGIN + (y + 1) / 2 * (HEIGHT - 2 * MARGIN))  # fmt: skip


def network_svg(network: Network, title: str = "Infringer network") -> str:
    colour = {
        key: PALETTE[i % len(PALETTE)]
        for i, cluster in enumerate(network.clusters)
        for key in cluster.members
    }
    spots = {k: _place(*xy) for k, xy in network.positions.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="network-title">',
        f'<title id="network-title">{escape(title)}: {len(network.actors)} actors, '
        f"{len(network.links)} links, {len(network.clusters)} clusters</title>",
    ]
    for found in network.links:
        (x1, y1), (x2, y2) = spots[found.a], spots[found.b]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#555" '
            f'stroke-width="{1 + len(found.reasons)}"><title>{escape("; ".join(found.reasons))}'
            "</title></line>"
        )
    for key, actor in sorted(network.actors.items()):
        x, y = spots[key]
        label = escape(actor.label if len(actor.label) <= 28 else actor.label[:27] + "…")
        parts.append(
            f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{colour.get(key, LONE)}">'
            f"<title>{escape(f'{actor.label} ({actor.kind})')}</title></circle>"
            f'<text x="{x + 12:.1f}" y="{y + 4:.1f}" font-size="11" font-family="sans-serif">'
            f"{label}</text></g>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
