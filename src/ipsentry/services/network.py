"""The organisation's infringer network, gathered from its records and linked by the engine.

Actors come from three places: the respondents and defendants of its cases (their address
and identifiers: seller ids, payment accounts, e-mail, phone, domains), the sellers of the
listings it screened and the declarants of declarations (values the observation carries in
its attributes: address, phone, email, payment_account, seller_id, registrant), and the
domains it observed (with their registrant and contacts). Product images in the evidence
locker (photos and screenshots) are hashed and attached to the seller they were captured
from. Only records the actor may read are used.
"""

from __future__ import annotations

from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.matching.network import TRAITS, Actor, Network, connection, image_hash, link
from ipsentry.services.access import Actor as User
from ipsentry.services.case_views import readable_cases
from ipsentry.services.evidence import readable_items
from ipsentry.store.unit_of_work import UnitOfWork

_KINDS = {
    ObservationKind.LISTING: "seller",
    ObservationKind.DECLARATION: "declarant",
    ObservationKind.DOMAIN: "domain",
    ObservationKind.APP_LINK: "app",
}


def actor_key(role: str, source: str, name: str) -> str:
    """The network key of a seller, declarant, domain or app at its source, whichever
    record names it."""
    return f"{role}:{source}:{name.strip().casefold()}"


def _on_platform(seller_id: str, platform: str) -> str:
    """A seller id as the network compares it: only within its platform, since platforms
    number their sellers independently (the same 'A123' on two marketplaces is two
    sellers); an id recorded without its platform meets only others recorded so."""
    return f"{seller_id} on {platform}" if platform.strip() else seller_id


def _observation_actor(observation: Observation) -> Actor | None:
    traits = {
        (k, _on_platform(str(v), observation.source) if k == "seller_id" else str(v))
        for k, v in observation.attributes.items()
        if k in TRAITS and v
    }
    if observation.kind is ObservationKind.DOMAIN:
        traits.add(("domain", observation.text))
        name = observation.text
    else:
        name = observation.seller
    if not name.strip():
        return None
    key = actor_key(_KINDS[observation.kind], observation.source, name)
    return Actor(key, _KINDS[observation.kind], name.strip(), frozenset(traits))


def _merge(found: dict[str, Actor], actor: Actor) -> None:
    held = found.get(actor.key)
    if held is None:
        found[actor.key] = actor
    else:
        found[actor.key] = Actor(held.key, held.kind, held.label, held.traits | actor.traits,
                                 held.image_hashes + actor.image_hashes)  # fmt: skip


def gather(uow: UnitOfWork, user: User) -> tuple[list[Actor], Confidentiality]:
    """Inside an open unit of work: every actor the user may see, with its traits, and the
    strictest marking among the records they were drawn from."""
    org = user.organisation_id
    found: dict[str, Actor] = {}
    markings = [Confidentiality.PUBLIC]
    cases = readable_cases(uow, user)
    members = {m.party_id: m.role.value for c in cases for m in c.opponents()}
    people = user.readable(uow.records.parties_by_ids(org, members).values())
    observations = user.readable(uow.records.observations(org))
    items = readable_items(uow, user, uow.evidence.list(org))
    for records in (cases, people, observations, items):
        markings += [r.confidentiality for r in records]
    for party in people:
        traits = {
            (
                i.kind.value,
                _on_platform(i.value, i.issuer) if i.kind.value == "seller_id" else i.value,
            )
            for i in party.identifiers
        }
        if party.address:
            traits.add(("address", party.address))
        _merge(found, Actor(f"party:{party.id}", members[party.id or 0], party.name,
                            frozenset(traits)))  # fmt: skip
    sellers: dict[str, str] = {}  # seller name or id -> actor key, for images
    for observation in observations:
        actor = _observation_actor(observation)
        if actor is not None:
            _merge(found, actor)
            sellers[observation.seller.strip().casefold()] = actor.key
            seller_id = observation.attributes.get("seller_id", "")
            if seller_id:
                sellers[seller_id.strip().casefold()] = actor.key
    for item in items:
        if not item.media_type.startswith("image/") or item.id is None:
            continue
        content = uow.evidence.content(item.id)
        digest = image_hash(content) if content else None
        if digest is None:
            continue
        key = sellers.get(item.seller_id.strip().casefold(), f"evidence:{item.id}")
        label = item.seller_id or item.title
        _merge(found, Actor(key, "seller", label, frozenset(), (digest,)))
    return list(found.values()), max(markings, key=lambda m: m.rank)


def network_of(uow: UnitOfWork, user: User) -> tuple[Network, Confidentiality]:
    """The network and the marking it must be shown under."""
    user.require(Permission.READ, "see the infringer network")
    with uow:
        actors, marking = gather(uow, user)
        return link(actors), marking


def linking_network(uow: UnitOfWork, user: User) -> Network:
    """Inside an open unit of work: the network to follow links in (no drawing)."""
    actors, _ = gather(uow, user)
    return link(actors, layout=False)


def same_seller(network: Network, platform: str, seller: str, other: str) -> tuple[str, ...] | None:
    """Why `other` is taken for `seller` on `platform` under another name (the links joining
    their listings, e.g. a shared seller id or payment account), or None if nothing does."""
    return connection(
        network, actor_key("seller", platform, seller), actor_key("seller", platform, other)
    )


def network_record(network: Network) -> dict[str, Any]:
    return {
        "actors": [
            {
                "key": a.key,
                "kind": a.kind,
                "label": a.label,
                "traits": sorted(f"{k}: {v}" for k, v in a.traits),
            }
            for a in network.actors.values()
        ],
        "links": [{"a": x.a, "b": x.b, "reasons": list(x.reasons)} for x in network.links],
        "clusters": [
            {
                "members": [network.actors[m].label for m in c.members],
                "keys": list(c.members),
                "reasons": list(c.reasons),
            }
            for c in network.clusters
        ],
    }
