"""Programme tools: needs survey, cost-benefit estimate, agreement builder, agency scorecard,
risk early warning and the portfolio and bureau views, each computed from the package's data."""
