"""Stage 1, file to evaluation: the guard, the raw tables, cell values, one module per
group of input sheets (sheets/), the workbook-level rules and the data areas."""
