"""REST resources under /api/v1: each module here exposes ``router`` and is found by itself."""
