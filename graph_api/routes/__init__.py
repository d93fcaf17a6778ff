"""One module per kind of page; each maps HTTP to a function of the store."""
