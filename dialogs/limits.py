"""How long text may be and how big numbers may get: one number per rule, used by the course, the services and
the pages' input fields (`max_chars=`). Columns in storage/models are at least as wide."""
from __future__ import annotations

from typing import Final

WISH_TITLE: Final = 200        # what a wish is called ("En brugt cykel")
GOAL_TEXT: Final = 500         # a goal or sub-goal in the citizen's words
COURSE_GOAL_TEXT: Final = 300  # a goal typed in the course (shorter: it is read back in later questions)
ANSWER: Final = 2000           # a free-text course answer, unless the step says less
NOTE: Final = 2000             # notes on wishes, reasons for decisions, questions and answers
JOURNAL_NOTE: Final = 5000     # the support person's journal note
MESSAGE: Final = 2000          # one message between a citizen and their support person
SHOP: Final = 300              # a shop's name or a link
VENDOR: Final = 200            # who gets paid
REFERENCE: Final = 200         # an invoice or order number
NAME: Final = 100              # a person's display name or a username
TITLE: Final = 200             # a programme's or a workshop's name
QUANTITY: Final = 1000         # how many of one wish
AMOUNT_KR: Final = 10_000_000  # more kroner than this is a typing slip, not a wish
WISHES_IN_ONE_ANSWER: Final = 5  # "en sofa og et bord" confirmed as separate wishes: at most this many
PARSED_TEXT: Final = 300       # an amount or a wish is short; longer text is not searched for one
