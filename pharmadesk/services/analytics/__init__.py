"""The owner's month-end figures: KPIs, monthly series, top lists, RFM segments, lifecycle
stages, and the customers behind each of them (see `results.py` for the records)."""
