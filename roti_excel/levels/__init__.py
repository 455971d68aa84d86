"""Pure computations, one module per Kirkpatrick/Phillips level."""
