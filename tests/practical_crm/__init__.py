"""Tests of the simulated CRM (practical_modules/crm), run by pytest in CPython and by unittest inside
Pyodide. Importing the package installs this project's practical data first (given.py), as the
page's worker does before any call."""

from .given import install

install()
