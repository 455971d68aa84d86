"""One module per group of input sheets: rows to model values, with their rules."""
