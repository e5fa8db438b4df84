"""Reading the data files: the one loading layer of the project.

Safe YAML with every value's line kept (`source.py`), JSON Schema checks worded in Polish
(`schema_check.py`), the rules a schema cannot say (`qualification.py`), the question bank
(`bank.py`) and where a qualification's data folder is (`location.py`). Every problem is a
`problems.Problem` naming file, line and field; a caller gets `DataError`, never a traceback.

Used by the generator (`sitegen`), the command line (`cli`) and a practical module's compiler;
never by the engine (`selfcheck`), which runs in the browser on data these made.
Needs PyYAML and jsonschema, so it runs in CPython only.
"""
