"""python -m roti_excel: the same as the roti-excel command."""

from roti_excel.cli import main

main()
