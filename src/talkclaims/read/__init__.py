"""Documents in: paths, folders, standard input, JSON Lines dumps and HTML pages become
documents with their exact text, one at a time; what cannot be read becomes a one-line
failure naming the file."""
