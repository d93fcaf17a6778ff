"""Benchmarks, the synthetic graph generator and the load client (``make bench``, ``make soak``)."""
