"""Entities, value objects and rules of IP protection: plain Python, no I/O."""
