"""One module per file format, each with symmetric ``read_x``/``write_x`` (and ``iter_x``)."""
