"""Stage 4, the workbooks finance receives: the report (workbook.write) and the drop
folder's portfolio. The only package that knows xlsxwriter, with input_template/."""
