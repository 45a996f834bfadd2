"""Which customer records the pharmacy works with: all but the erased and the merged away.

An erased customer stays as a placeholder row (status 'anonymised') and a record merged
into another stays hidden (status 'merged') so that the merge can be undone; neither is
found, listed, counted, exported or contacted. Every query of customers uses these.
"""

from __future__ import annotations

HIDDEN_STATUSES = ("anonymised", "merged")
VISIBLE = "status NOT IN ('anonymised', 'merged')"  # prefix a table alias: f"c.{VISIBLE}"
