"""The alignment and ownership audits: named SPARQL queries (``queries/audit_*.rq``) give the
facts, the small functions here give the verdicts, and the renderers print them."""
