"""`python -m summarizer.cli`: the same as the `summarizer` command."""

from . import main

main()
