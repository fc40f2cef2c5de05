"""One module per rule family: each reads the article context and proposes candidates."""
