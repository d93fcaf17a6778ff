"""The ``policygraph`` command line: the composition root above ingest, graph_api, viz and bench.

Only this package (with ``bench`` and the tests) may import every other part; see
``docs/architecture.md`` and the import-linter contracts in ``pyproject.toml``.
"""
