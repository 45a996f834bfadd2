"""Scanned paper registration cards: pages in, recognised fields out, nothing saved.

pages (files to page images, deskewed and scaled) -> engine (the bundled offline OCR)
-> reading (each field's value from its area on the card, with what needs a person's look)
-> card_table (the cards a person accepted, as rows for the ordinary customer import).
Nothing here writes to the database: a card becomes a customer only through an import batch,
after a person accepted it.
"""
