"""The encrypted database: connection, key file, models and schema migrations."""
