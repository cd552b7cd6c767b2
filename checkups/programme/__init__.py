"""Programme tools: the early warning and its calendar, the portfolio audit and the bureau view."""
