"""The report workbook finance receives (REPORT.md); entry point: workbook.write."""
