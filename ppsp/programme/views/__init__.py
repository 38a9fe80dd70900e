"""Thin views of programme tracking, one module per area."""
