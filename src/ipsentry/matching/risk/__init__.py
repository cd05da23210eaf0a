"""Declaration risk scoring: which consignments a customs officer should look at first.

A pure engine (no database): declarations in, a risk in [0, 1] with every reason weighed
and explained out. The marks come from ``matching.marks``; the weights from
``data/customs/risk-reasons.v1.yaml``; HS codes are read in their own HS edition.
"""
