"""Write documents back as text: the standard 公开 table layouts in several renderings."""
