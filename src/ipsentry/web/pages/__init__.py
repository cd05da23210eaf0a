"""Web pages: each module here exposes ``router`` and is found by itself."""
