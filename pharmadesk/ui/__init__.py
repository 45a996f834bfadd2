"""Qt widgets, item models, dialogs and charts. Calls services; holds no SQL and no rules."""
