"""The lossless layer: exact text into lines, blocks, table rows and back, with no meaning."""
