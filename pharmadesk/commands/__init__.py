"""The headless subcommands. Each module adds its parser and runs on the shared services."""
