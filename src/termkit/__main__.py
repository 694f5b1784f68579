"""``python -m termkit``: the same as the ``termkit`` command."""

from termkit.cli.main import main

if __name__ == "__main__":
    main()
