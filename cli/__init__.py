"""The click front end of termkit, installed as the package ``termkit.cli``.

Every command is a thin layer: parse options, call one library function, print.
"""
