"""ipsentry: find infringements of intellectual property, stop them, and enforce.

Layers (outer depends on inner): interfaces (``cli``) -> ``services`` -> engines
(``matching``) -> ``domain``; ``store`` maps the domain onto SQL.
"""

__version__ = "0.1.0"
