"""Import and export engines (spreadsheets, reports). No Qt."""
