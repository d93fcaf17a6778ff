"""The graph API: the store interface, named queries, the FastAPI app and the CLI."""
