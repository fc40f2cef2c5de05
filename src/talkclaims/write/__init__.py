"""Records out: the output formats, the terminal views (`show`, `stats`, `evaluate`'s
tables) and the HTML report."""
