"""Server-rendered pages (Jinja templates, htmx), in English and Simplified Chinese."""
