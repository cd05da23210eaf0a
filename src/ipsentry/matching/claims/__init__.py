"""Claim matching: parse claims into elements (and, in later stages, chart them)."""

from ipsentry.matching.claims.parse import parse_claim, parse_claims, split_numbered_claims

__all__ = ["parse_claim", "parse_claims", "split_numbered_claims"]
