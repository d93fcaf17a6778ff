"""Ingestion: read sources, normalise Vietnamese text, extract facts, emit RDF, build the store."""
