"""The SQLite knowledge base: schema (migrations), loading, queries, search."""
