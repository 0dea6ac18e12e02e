"""Present: exports, reports, and the web workbench over the evidence store."""
