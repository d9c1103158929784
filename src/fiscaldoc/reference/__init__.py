"""Reference data: table catalogue, classification codes and names."""
