"""Many articles through a Batch API (OpenAI's format) or `vllm run-batch`, in rounds.

`BatchJob.create(folder, items, settings)`, then `submit()`, `collect()` until
`status().finished`, then `results()`; or `run()` for all of it. See job.py.
"""

from __future__ import annotations

from .job import BatchJob, outcome_record
from .status import JobStatus
from .store import BatchLimits

__all__ = ["BatchJob", "BatchLimits", "JobStatus", "outcome_record"]
