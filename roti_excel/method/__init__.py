"""Stage 2, evaluation to results: one module per Kirkpatrick/Phillips level, isolation,
costs, ROI and the findings of the conservative rules. Pure computation: nothing here reads
files or knows a workbook."""
