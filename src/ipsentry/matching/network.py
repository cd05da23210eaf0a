"""The infringer network: sellers, domains, traders and respondents linked by what they share.

Two actors are linked when they share a postal address, a phone number, an e-mail
address, a payment account, a seller id, a domain or its registrant, or when their product
images are near-identical (perceptual hashes within ``IMAGE_DISTANCE`` bits). Each kind of
value is normalised before comparing (case, spacing and punctuation of an address; digits
of a phone number). Clusters are the connected components of the graph (networkx); a
cluster of two or more is what supports joining defendants or showing a widespread
pattern. Pure: plain data in, plain data out, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

# A perceptual hash (pHash, 64 bits) of the same picture re-encoded, resized or lightly
# cropped stays within a few bits; unrelated pictures differ in about half (32). Six bits
# is set a priori between the two, not fitted to any data.
IMAGE_DISTANCE = 6
TRAITS = ("address", "phone", "email", "payment_account", "seller_id", "domain", "registrant")


def normalise(kind: str, value: str) -> str:
    """The form in which two spellings of one value compare equal ('' when nothing is left)."""
    text = value.strip().casefold()
    if kind == "phone":
        digits = re.sub(r"\D", "", text)
        return digits if len(digits) >= 7 else ""  # too short to say anything
    if kind == "domain":
        text = re.sub(r"^(https?://)?(www\.)?", "", text).split("/")[0]
    if kind == "address":
        text = re.sub(r"[\s,.;:#\-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Actor:
    """A seller, domain, trader or respondent, with the values it can be linked by."""

    key: str
    kind: str  # e.g. "respondent", "seller", "domain", "declarant"
    label: str
    traits: frozenset[tuple[str, str]] = frozenset()  # (kind, value as given)
    image_hashes: tuple[str, ...] = ()  # hex pHash of its product images

    def normalised(self) -> set[tuple[str, str]]:
        found = {(k, normalise(k, v)) for k, v in self.traits if k in TRAITS}
        return {(k, v) for k, v in found if v}


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    reasons: tuple[str, ...]  # e.g. "shares payment account acct-77120"


@dataclass(frozen=True)
class Cluster:
    members: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    actors: dict[str, Actor]
    links: list[Link]
    clusters: list[Cluster]
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)


def _hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _words(kind: str) -> str:
    return kind.replace("_", " ")


def link(
    actors: Sequence[Actor], *, image_distance: int = IMAGE_DISTANCE, layout: bool = True
) -> Network:
    """Every pair of actors sharing a value or a near-identical image, and the clusters;
    without `layout` no drawing positions (a check that only follows links needs none)."""
    import networkx as nx

    graph: Any = nx.Graph()
    by_key = {a.key: a for a in actors}
    graph.add_nodes_from(by_key)
    reasons: dict[tuple[str, str], set[str]] = {}
    holders: dict[tuple[str, str], list[str]] = {}
    for actor in actors:
        for trait in actor.normalised():
            holders.setdefault(trait, []).append(actor.key)
    for (kind, value), keys in holders.items():
        for a, b in combinations(sorted(set(keys)), 2):
            reasons.setdefault((a, b), set()).add(f"shares {_words(kind)} {value}")
    hashed = [(a.key, h) for a in actors for h in a.image_hashes]
    for (a, ha), (b, hb) in combinations(hashed, 2):
        if a != b and _hamming(ha, hb) <= image_distance:
            pair = (min(a, b), max(a, b))
            reasons.setdefault(pair, set()).add(
                f"near-identical product image ({_hamming(ha, hb)} of 64 bits differ)"
            )
    links = [Link(a, b, tuple(sorted(r))) for (a, b), r in sorted(reasons.items())]
    for found in links:
        graph.add_edge(found.a, found.b, reasons=found.reasons)
    clusters = []
    for component in nx.connected_components(graph):
        if len(component) < 2:
            continue
        members = tuple(sorted(component))
        said = sorted({r for x in links if x.a in component for r in x.reasons})
        clusters.append(Cluster(members, tuple(said)))
    clusters.sort(key=lambda c: (-len(c.members), c.members))
    positions = {
        str(k): (float(x), float(y))
        for k, (x, y) in nx.spring_layout(graph, seed=7).items()
    } if by_key and layout else {}  # fmt: skip
    return Network(by_key, links, clusters, positions)


def connection(network: Network, a: str, b: str) -> tuple[str, ...] | None:
    """Why actor `a` is linked to actor `b`: the reasons of each link on a shortest path
    between them (one link when they share a value directly), or None if nothing joins
    them. Breadth-first over the links, so the explanation is as short as it can be."""
    if a == b:
        return ()
    neighbours: dict[str, list[Link]] = {}
    for found in network.links:
        neighbours.setdefault(found.a, []).append(found)
        neighbours.setdefault(found.b, []).append(found)
    came_by: dict[str, Link | None] = {a: None}
    frontier = [a]
    while frontier and b not in came_by:
        following = []
        for key in frontier:
            for found in neighbours.get(key, []):
                other = found.b if found.a == key else found.a
                if other not in came_by:
                    came_by[other] = found
                    following.append(other)
        frontier = following
    if b not in came_by:
        return None
    path: list[str] = []
    key = b
    while (step := came_by[key]) is not None:
        path = [*step.reasons, *path]
        key = step.b if step.a == key else step.a
    return tuple(path)


def image_hash(content: bytes) -> str | None:
    """The pHash of an image as hex, or None when the bytes are not an image."""
    import io

    import imagehash
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as picture:
            return str(imagehash.phash(picture))
    except (UnidentifiedImageError, OSError, ValueError):
        return None
