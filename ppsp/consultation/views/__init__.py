"""The views of consultation, one module per seam."""
