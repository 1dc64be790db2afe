"""Outputs: the HTML map, the static map, exports, text reports and the shared style."""
