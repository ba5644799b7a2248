"""The Qt-free screenplay core: Fountain parser, element model, pagination, statistics."""
