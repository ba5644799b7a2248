"""The Qt-free model layer: catalog, download, GGUF inspection, engine, prompts."""
