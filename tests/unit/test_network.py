"""The infringer network: links by shared values and near-identical images, clusters, SVG."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image, ImageDraw

from ipsentry.matching.network import Actor, connection, image_hash, link, normalise
from ipsentry.reports.network_graph import network_svg


def picture(shape: str, size: int = 256, copy_as: tuple[int, str] | None = None) -> bytes:
    """A product photo stand-in: a drawn shape, saved as PNG, or copied as another seller
    would post it (``copy_as``: resized to a width and saved in a format)."""
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    if shape == "cartridge":
        draw.rectangle((size * 0.4, size * 0.1, size * 0.6, size * 0.9), fill="black")
        draw.ellipse((size * 0.35, size * 0.05, size * 0.65, size * 0.2), fill="grey")
    else:
        draw.polygon([(0, size), (size / 2, 0), (size, size)], fill="black")
        draw.rectangle((0, 0, size * 0.3, size * 0.3), fill="grey")
    out = io.BytesIO()
    if copy_as is not None:
        width, fmt = copy_as
        image = image.resize((width, width))
        image.save(out, format=fmt, quality=60)
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def test_values_are_compared_in_one_form() -> None:
    assert normalise("phone", "+86 (755) 1234-5678") == normalise("phone", "8675512345678")
    assert normalise("phone", "12-34") == ""  # too short to link anyone
    assert normalise("domain", "https://www.Shop.example/item/1") == "shop.example"
    assert normalise("address", "Rm 5, Bldg 2,  Nanshan  Rd.") == normalise(
        "address", "rm 5 bldg 2 nanshan rd"
    )


def test_shared_accounts_and_images_make_one_cluster() -> None:
    same = image_hash(picture("cartridge"))
    resized = image_hash(picture("cartridge", copy_as=(200, "PNG")))
    other = image_hash(picture("other"))
    assert same and resized and other and image_hash(b"not an image") is None
    actors = [
        Actor("a", "respondent", "Cloudpeak Co.", frozenset({("payment_account", "ACCT-1 ")})),
        Actor(
            "b",
            "seller",
            "Peak Store",
            frozenset({("payment_account", "acct-1"), ("phone", "+1 555 0100 200")}),
        ),
        Actor("c", "domain", "peak-vapes.example", frozenset({("phone", "15550100200")})),
        Actor("d", "seller", "Copy Mall", image_hashes=(same,)),
        Actor("e", "seller", "Copy Outlet", image_hashes=(resized,)),
        Actor("f", "seller", "Unrelated", image_hashes=(other,)),
    ]
    network = link(actors)
    clusters = [c.members for c in network.clusters]
    assert clusters == [("a", "b", "c"), ("d", "e")]  # the larger cluster first; f alone
    reasons = {(x.a, x.b): x.reasons for x in network.links}
    assert reasons[("a", "b")] == ("shares payment account acct-1",)
    assert reasons[("b", "c")] == ("shares phone 15550100200",)
    assert "near-identical product image" in reasons[("d", "e")][0]
    assert set(network.positions) == set("abcdef")
    assert connection(network, "a", "c") == (
        "shares payment account acct-1",
        "shares phone 15550100200",
    )  # the path a - b - c, its reasons in order
    assert connection(network, "c", "b") == ("shares phone 15550100200",)
    assert connection(network, "a", "a") == ()
    assert connection(network, "a", "d") is None  # different clusters
    assert link(actors, layout=False).positions == {}

    svg = ET.fromstring(network_svg(network))
    assert svg.tag.endswith("svg") and svg.get("role") == "img"
    ns = "{http://www.w3.org/2000/svg}"
    assert len(svg.findall(f"{ns}line")) == len(network.links) == 3
    assert len(svg.findall(f".//{ns}circle")) == 6
    assert "2 clusters" in (svg.findtext(f"{ns}title") or "")


def test_an_empty_network_draws() -> None:
    network = link([])
    assert network.clusters == [] and "0 actors" in network_svg(network)
