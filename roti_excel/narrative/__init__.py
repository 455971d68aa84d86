"""Stage 3, results to sentences: the facts, their formatting in each language, and the
jinja2 templates that phrase them."""
