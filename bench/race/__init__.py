"""The race: Cobranças against PostGraphile 5 over the benchmark's PostgreSQL data set."""
