"""Batch prices per million tokens, for the cost `batch status` reports.

OpenAI's list prices with the Batch API's 50 % discount, as published on
https://openai.com/api/pricing (read 2025-06; not re-checked from this machine, which has
no internet). A model not listed gets no cost, only its tokens.
"""

from __future__ import annotations

from ..schema import Usage

# model -> (input, output) US$ per 1M tokens, Batch API
BATCH_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.075, 0.30),
    "gpt-4.1-nano": (0.05, 0.20),
    "gpt-4.1-mini": (0.20, 0.80),
    "gpt-4o": (1.25, 5.00),
}


def batch_cost(model: str, usage: Usage) -> float | None:
    """US$ for `usage` at the model's batch price; None when the price is not known."""
    price = BATCH_PRICES.get(model)
    if price is None:
        return None
    return (usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]) / 1_000_000
