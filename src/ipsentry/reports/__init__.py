"""Documents people file or send: claim charts as HTML, PDF and CSV."""
