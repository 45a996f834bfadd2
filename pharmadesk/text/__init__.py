"""Pure text rules shared by the database layer and the services: no I/O, no Qt."""
