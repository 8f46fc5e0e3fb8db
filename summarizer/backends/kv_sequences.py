"""Several KV-cache sequences in one llama.cpp context, decoded together.

The thin layer over llama.cpp's low-level API that the scheduler (scheduler.py) drives:
a context made for `n_seq` sequences, one `llama_batch` filled per decode, the logits
row of each batch entry, and copying a sequence's leading tokens into another one
(`llama_memory_seq_cp`), so a prompt prefix already evaluated is never evaluated again.

The sequences share one KV buffer (`kv_unified`): a copied prefix is the same cells,
marked as belonging to both sequences, not a copy. With separate buffers per sequence
attention reads fewer cells, but llama.cpp then copies whole buffers between sequences;
measured on two cores (1.5B model, 8 sequences of ~1,550 tokens sharing 850), a decode
step cost the same either way (33/22/19 ms a token at 1/4/8 rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt


@dataclass
class Entry:
    """One token of a batch: which sequence, at which position, logits wanted or not."""

    seq: int
    token: int
    pos: int
    logits: bool


class KvSequences:
    """A llama.cpp context with `n_seq` sequences of `n_ctx_seq` tokens each."""

    def __init__(
        self,
        llama_cpp: Any,
        internals: Any,
        llm: Any,
        n_seq: int,
        n_ctx_seq: int,
        unified: bool = True,
    ) -> None:
        self._lib = llama_cpp
        # The Llama's own parameters (threads, batch sizes), for more sequences.
        params = llama_cpp.llama_context_params.from_buffer_copy(llm.context_params)
        params.n_seq_max = n_seq
        params.n_ctx = n_seq * n_ctx_seq  # llama.cpp gives each stream n_ctx / n_seq
        params.kv_unified = unified
        self.unified = unified
        self._context = internals.LlamaContext(model=llm._model, params=params, verbose=False)
        self.ctx = self._context.ctx
        self.memory = llama_cpp.llama_get_memory(self.ctx)
        self.n_seq = n_seq
        self.n_ctx_seq = n_ctx_seq if unified else int(llama_cpp.llama_n_ctx_seq(self.ctx))
        self.n_batch = int(params.n_batch)
        self.n_vocab = int(llm.n_vocab())
        self._batch = llama_cpp.llama_batch_init(self.n_batch, 0, 1)

    def decode(self, entries: Sequence[Entry]) -> int:
        """Decode one batch (at most `n_batch` entries); llama.cpp's status, 0 = done."""
        batch = self._batch
        batch.n_tokens = len(entries)
        for i, e in enumerate(entries):
            batch.token[i] = e.token
            batch.pos[i] = e.pos
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = e.seq
            batch.logits[i] = e.logits
        return int(self._lib.llama_decode(self.ctx, batch))

    def logits(self, index: int) -> npt.NDArray[np.float32]:
        """The logits of the batch entry `index` (one that asked for them), not copied."""
        row = self._lib.llama_get_logits_ith(self.ctx, index)
        return np.ctypeslib.as_array(row, shape=(self.n_vocab,))

    def copy_prefix(self, src: int, dst: int, length: int) -> None:
        """Make `dst` hold exactly the first `length` positions of `src`."""
        if self.unified:  # cells are shared, not copied
            self._lib.llama_memory_seq_rm(self.memory, dst, -1, -1)
            self._lib.llama_memory_seq_cp(self.memory, src, dst, 0, length)
            return
        self._lib.llama_memory_seq_cp(self.memory, src, dst, -1, -1)  # whole stream
        self.trim(dst, length)

    def trim(self, seq: int, length: int) -> None:
        """Keep only the first `length` positions of `seq`."""
        self._lib.llama_memory_seq_rm(self.memory, seq, length, -1)

    def perf_reset(self) -> None:
        self._lib.llama_perf_context_reset(self.ctx)

    def close(self) -> None:
        if self._batch is not None:
            self._lib.llama_batch_free(self._batch)
            self._batch = None
        self._context.close()
