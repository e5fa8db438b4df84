"""The command line for teachers and assessors (`python -m selfcheck …`, CPython only): reads the
data with `datafiles`, runs the engine (`selfcheck`) and the practical part's module, prints in
Polish. At the edge: nothing in the engine or the modules imports it."""
