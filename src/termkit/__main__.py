"""``python -m termkit``: the same as the ``termkit`` command."""

from termkit.cli.main import main  # type: ignore[import-not-found]  # mapped from cli/

if __name__ == "__main__":
    main()
