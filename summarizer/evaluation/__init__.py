"""Evaluation: the labelled cases, pure scorers, baselines, the runner and the report."""
