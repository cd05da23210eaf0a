"""The HTTP interface: the REST API under /api/v1 and the web pages, on FastAPI."""
