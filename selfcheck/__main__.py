"""`python -m selfcheck`: the teachers' command line, kept under the engine's name. It lives in
`cli/` (it reads the data files with PyYAML and jsonschema, which the engine never needs); this
file only starts it and is left out of the browser's zip."""

if __name__ == "__main__":
    from cli.main import run

    run()
