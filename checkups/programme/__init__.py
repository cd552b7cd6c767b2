"""Programme tools: the needs survey, the agreement builder and the other tools of a
trusteeship programme, each computing from the package's data."""
