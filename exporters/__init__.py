"""Script exporters: PDF, Final Draft FDX and Fountain."""
