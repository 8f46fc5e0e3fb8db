"""Pure checks: each returns findings, none raises.

The rules that run them, in order (the re-ask gate's checks, assembly's repairs, the
coverage warning), are in `summarizer/rules/`; these modules hold the checks' logic
and the grounding every rule shares (`grounding.locate`, with its GroundingPolicy).
"""
