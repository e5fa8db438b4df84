"""Self-check engine for candidates: questions, scoring, test assembly, readiness, saved state.

Standard library only: the same code runs in CPython (build, tests, command line) and in
Pyodide in the browser's Web Worker. The question bank arrives as plain data (dicts), made
from the YAML files in `selfcheck/bank/` at build time.
"""
