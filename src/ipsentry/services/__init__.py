"""Use cases: one module per workflow, each owning its transaction and its permission checks."""
