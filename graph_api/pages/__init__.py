"""The pages written for people: each module gathers one page's data from the store; the
templates in ``graph_api/templates`` turn it into HTML (Jinja2, every value escaped)."""
