"""Interactive views: query rows → networkx graphs → self-contained vis-network HTML (via pyvis)."""
